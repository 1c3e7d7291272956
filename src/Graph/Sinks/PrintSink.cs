namespace ActorStream.Graph.Sinks;

/// <summary>Writes each record's text to standard output, as Flink's print(): "prefix:3> value".</summary>
public sealed class PrintSink<T>(string? prefix = null, TextWriter? writer = null) : ISink<T>
{
    /// <inheritdoc />
    public ISinkWriter<T> CreateWriter(SinkContext context)
    {
        var subtask = context.Parallelism > 1 ? $"{context.SubtaskIndex + 1}> " : "";
        var head = prefix is null ? subtask : subtask.Length > 0 ? $"{prefix}:{subtask}" : $"{prefix}> ";
        return new Writer(head, writer ?? Console.Out);
    }

    private sealed class Writer(string head, TextWriter output) : ISinkWriter<T>
    {
        public void Write(T value, long timestamp) => output.WriteLine(head + value);

        public void Flush(bool endOfInput) => output.Flush();

        public void Dispose() { }
    }
}
