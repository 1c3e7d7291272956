namespace ActorStream.Bench.Nexmark.Runner;

/// <summary>
/// What the garbage collector did in this process over a run: collections per generation, the time the runtime was
/// paused for it and the bytes allocated. A query whose throughput drops with checkpoints shows here whether the drop is
/// the collector's (large snapshot buffers trigger full collections that mark all of the job's state).
/// </summary>
public sealed record GcActivity(int Gen0, int Gen1, int Gen2, TimeSpan Pause, long AllocatedBytes)
{
    /// <summary>The process's totals so far.</summary>
    public static GcActivity Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
        GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(precise: false));

    /// <summary>What happened since <paramref name="start"/> was taken.</summary>
    public GcActivity Since(GcActivity start) =>
        new(Gen0 - start.Gen0, Gen1 - start.Gen1, Gen2 - start.Gen2, Pause - start.Pause, AllocatedBytes - start.AllocatedBytes);
}
