namespace ActorStream.Graph.Windowing;

/// <summary>What tumbling assigners of both time domains share: size, offset and their validation.</summary>
public abstract class TumblingWindowAssigner : WindowAssigner<TimeWindow>
{
    private protected TumblingWindowAssigner(long size, long offset)
    {
        if (size <= 0 || Math.Abs(offset) >= size)
            throw new ArgumentException($"{GetType().Name} parameters must satisfy abs(offset) < size.");
        Size = size;
        Offset = offset;
    }

    /// <summary>The window size in milliseconds.</summary>
    public long Size { get; }

    /// <summary>The offset of window starts from the epoch, in milliseconds.</summary>
    public long Offset { get; }

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name}({Size})";
}
