namespace ActorStream.Graph.Windowing;

/// <summary>What an assigner may ask of the operator while assigning windows.</summary>
public interface IWindowAssignerContext
{
    /// <summary>The current processing time, in epoch milliseconds.</summary>
    long CurrentProcessingTime { get; }

    /// <summary>
    /// This subtask's stagger offset for windows of <paramref name="size"/> ms: computed by
    /// <see cref="WindowStaggerOffsets.Of"/> at the first call, then fixed for the subtask (and kept across restores).
    /// </summary>
    long GetStaggerOffset(WindowStagger stagger, long size);
}
