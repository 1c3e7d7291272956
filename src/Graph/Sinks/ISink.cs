namespace ActorStream.Graph;

/// <summary>A sink: creates one writer per parallel subtask.</summary>
public interface ISink<in T>
{
    /// <summary>Creates the writer of one subtask.</summary>
    ISinkWriter<T> CreateWriter(SinkContext context);
}

/// <summary>Writes the records of one sink subtask.</summary>
public interface ISinkWriter<in T> : IDisposable
{
    /// <summary>Writes one record; <paramref name="timestamp"/> is its event time or <see cref="long.MinValue"/>.</summary>
    void Write(T value, long timestamp);

    /// <summary>Makes everything written so far durable; <paramref name="endOfInput"/> is true for the last flush.</summary>
    void Flush(bool endOfInput);
}

/// <summary>What a sink writer knows about its subtask.</summary>
public sealed record SinkContext(string OperatorName, int SubtaskIndex, int Parallelism, IRuntimeContext RuntimeContext)
{
    /// <summary>The job's name, stable across its restores (e.g. for transactional ids).</summary>
    public string JobName { get; init; } = "job";

    /// <summary>The sink operator's stable uid.</summary>
    public string OperatorUid { get; init; } = OperatorName;
}
