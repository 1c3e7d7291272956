using System.Diagnostics;
using ActorStream.Bench.Nexmark.Generator;
using ActorStream.Bench.Nexmark.Queries;

namespace ActorStream.Bench.Nexmark.Runner;

/// <summary>Runs and times a query's loop baseline.</summary>
public static class LoopRunner
{
    /// <summary>Runs <paramref name="query"/>'s loop over <paramref name="events"/> events on this thread.</summary>
    public static NexmarkMeasurement Run(NexmarkQuery query, NexmarkGenerator generator, long events, string? outputDirectory)
    {
        var activity = ProcessActivity.Now();
        var watch = Stopwatch.StartNew();
        var results = query.RunLoop(generator, events, outputDirectory);
        watch.Stop();
        return new NexmarkMeasurement(query.Name, NexmarkEngine.Loop, events, results, watch.Elapsed, watch.Elapsed,
            Parallelism: 1, CheckpointInterval: null) { Activity = ProcessActivity.Now().Since(activity) };
    }
}
