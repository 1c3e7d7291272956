namespace ActorStream.Graph;

/// <summary>How a collected stream (<c>CollectAsync</c>, <c>ExecuteAndCollectAsync</c>) hands results to the caller.</summary>
public sealed record CollectOptions
{
    /// <summary>The default <see cref="BufferSize"/>.</summary>
    public const int DefaultBufferSize = 1_024;

    /// <summary>
    /// Records the buffer between the sink subtasks and the caller holds at most (default 1,024). When it is full a sink
    /// subtask waits until the caller takes one, so a slow caller slows the job down (back-pressure) instead of
    /// letting memory grow.
    /// </summary>
    public int BufferSize { get; init; } = DefaultBufferSize;

    /// <summary>This, checked.</summary>
    internal CollectOptions Validate() => BufferSize >= 1
        ? this
        : throw new ArgumentOutOfRangeException(nameof(BufferSize), BufferSize, "CollectOptions.BufferSize must be at least 1 record.");
}
