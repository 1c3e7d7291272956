using System.Diagnostics;

namespace ActorStream.Bench.Nexmark.Runner;

/// <summary>
/// What this process did over a run: the CPU time its threads used and the time that passed, collections per
/// generation, the time the runtime was paused for them and the bytes allocated. CPU time over elapsed time is how many
/// cores the run kept busy while it ran (without node start and stop), which bounds what a higher parallelism can gain
/// on this machine; a query whose throughput drops with checkpoints shows here whether the drop is the collector's.
/// </summary>
public sealed record ProcessActivity(TimeSpan Cpu, TimeSpan Elapsed, int Gen0, int Gen1, int Gen2, TimeSpan Pause, long AllocatedBytes)
{
    /// <summary>The process's totals so far (elapsed: a timestamp, meaningful only in <see cref="Since"/>).</summary>
    public static ProcessActivity Now()
    {
        using var process = Process.GetCurrentProcess();
        return new(process.TotalProcessorTime, Stopwatch.GetElapsedTime(0), GC.CollectionCount(0), GC.CollectionCount(1),
            GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(precise: false));
    }

    /// <summary>What happened since <paramref name="start"/> was taken.</summary>
    public ProcessActivity Since(ProcessActivity start) =>
        new(Cpu - start.Cpu, Elapsed - start.Elapsed, Gen0 - start.Gen0, Gen1 - start.Gen1, Gen2 - start.Gen2, Pause - start.Pause,
            AllocatedBytes - start.AllocatedBytes);

    /// <summary>CPU time over elapsed time: the cores kept busy on average.</summary>
    public double CoresBusy => Elapsed > TimeSpan.Zero ? Cpu / Elapsed : 0;
}
