using System.Diagnostics;
using ActorStream.Bench.Nexmark.Generator;
using ActorStream.Bench.Nexmark.Runner;
using Akka.Actor;
using Akka.Configuration;
using Akka.Streams;

namespace ActorStream.Bench.Nexmark.AkkaStreams;

/// <summary>
/// Runs and times a query on plain Akka.Streams: in an ActorSystem created for the run, with the default dispatcher
/// and materializer settings. The timed part runs from materializing the stream until its sink completed and the
/// output file is closed; starting and stopping the ActorSystem count only in the wall time.
/// </summary>
public static class AkkaStreamsRunner
{
    /// <summary>Warnings and errors only, as ActorStream's node logs; no dead letters from the shutdown.</summary>
    private static readonly Config SystemConfig = ConfigurationFactory.ParseString("""
        akka {
          loglevel = WARNING
          stdout-loglevel = WARNING
          log-dead-letters = off
          log-dead-letters-during-shutdown = off
        }
        """);

    /// <summary>
    /// Runs the query named <paramref name="queryName"/> over events 0 to <paramref name="events"/> - 1, writing its
    /// rows into <paramref name="outputDirectory"/> when given; cancelling <paramref name="cancellationToken"/> stops the
    /// ActorSystem and so the stream.
    /// </summary>
    public static async Task<NexmarkMeasurement> RunAsync(
        string queryName, NexmarkGenerator generator, long events, string? outputDirectory, CancellationToken cancellationToken)
    {
        var query = AkkaStreamsQueries.Find(queryName)
            ?? throw new ArgumentException($"Nexmark {queryName} has no akka-streams form.", nameof(queryName));
        var wall = Stopwatch.StartNew();
        var system = ActorSystem.Create("nexmark-akka-streams", SystemConfig);
        TimeSpan duration;
        ProcessActivity activity;
        long results;
        try
        {
            var materializer = system.Materializer();
            var activityAtStart = ProcessActivity.Now();
            var watch = Stopwatch.StartNew();
            results = await query.RunAsync(NexmarkEventSource.Create(generator, events), materializer, outputDirectory)
                .WaitAsync(cancellationToken).ConfigureAwait(false);
            watch.Stop();
            duration = watch.Elapsed;
            activity = ProcessActivity.Now().Since(activityAtStart);
        }
        finally
        {
            await system.Terminate().ConfigureAwait(false);
        }
        wall.Stop();
        return new NexmarkMeasurement(queryName, NexmarkEngine.AkkaStreams, events, results, duration, wall.Elapsed,
            Parallelism: 1, CheckpointInterval: null) { Activity = activity };
    }
}
