namespace ActorStream.Graph.Tests.Harness;

/// <summary>A sink whose writers log every call, so tests can assert the exact writer lifecycle.</summary>
public sealed class RecordingSink<T> : ISink<T>
{
    /// <summary>The contexts writers were created with, in creation order.</summary>
    public List<SinkContext> Contexts { get; } = [];

    /// <summary>Every writer call as text: "Write(value@timestamp)", "Flush(endOfInput)", "Dispose".</summary>
    public List<string> Calls { get; } = [];

    /// <summary>The values written, in order.</summary>
    public List<T> Written { get; } = [];

    /// <summary>Runs when a writer is created, e.g. to touch the runtime context.</summary>
    public Action<SinkContext>? OnCreateWriter { get; init; }

    /// <inheritdoc />
    public ISinkWriter<T> CreateWriter(SinkContext context)
    {
        Contexts.Add(context);
        OnCreateWriter?.Invoke(context);
        return new Writer(this);
    }

    private sealed class Writer(RecordingSink<T> sink) : ISinkWriter<T>
    {
        public void Write(T value, long timestamp)
        {
            sink.Written.Add(value);
            sink.Calls.Add(timestamp == long.MinValue ? $"Write({value})" : $"Write({value}@{timestamp})");
        }

        public void Flush(bool endOfInput) => sink.Calls.Add($"Flush({endOfInput})");

        public void Dispose() => sink.Calls.Add("Dispose");
    }
}
