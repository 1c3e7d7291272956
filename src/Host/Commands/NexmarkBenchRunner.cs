using System.Diagnostics;
using System.Globalization;
using ActorStream.Bench.Nexmark.AkkaStreams;
using ActorStream.Bench.Nexmark.Generator;
using ActorStream.Bench.Nexmark.Json;
using ActorStream.Bench.Nexmark.Latency;
using ActorStream.Bench.Nexmark.Queries;
using ActorStream.Bench.Nexmark.Runner;
using ActorStream.Graph;
using ActorStream.Host.Console;

namespace ActorStream.Host.Commands;

/// <summary>Runs one Nexmark benchmark: optionally dumps the events, runs the query on the chosen engine, reports and records the figures.</summary>
internal sealed class NexmarkBenchRunner(NexmarkBenchRun run, HostConsole console)
{
    /// <summary>How long a cancelled job has to confirm before the command stops waiting (below the CLI's termination grace).</summary>
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(15);

    /// <summary>Runs the benchmark; cancelling <paramref name="cancellationToken"/> (Ctrl+C) cancels it.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (CheckOutput() is { } problem)
            return console.Fail(ExitCodes.InvalidInput, problem);
        var generator = new NexmarkGenerator(new GeneratorConfig { Seed = run.Seed });
        try
        {
            if (run.DumpEventsPath is { } dumpPath)
            {
                EventDump.Write(generator, run.Events, dumpPath);
                await console.Error.WriteLineAsync($"Wrote {Formats.Count(run.Events)} events to {dumpPath}.").ConfigureAwait(false);
            }
            var measurement = run.Engine switch
            {
                NexmarkEngine.Loop => run.Latency
                    ? RunLoopWithLatency(generator)
                    : LoopRunner.Run(run.Query, generator, run.Events, run.OutputDirectory),
                NexmarkEngine.AkkaStreams => await AkkaStreamsRunner.RunAsync(run.Query.Name, generator, run.Events, run.OutputDirectory,
                    cancellationToken).ConfigureAwait(false),
                _ when run.Nodes > 1 => await RunOnNodesAsync(cancellationToken).ConfigureAwait(false),
                _ => await RunActorStreamAsync(generator, cancellationToken).ConfigureAwait(false),
            };
            await console.Out.WriteLineAsync(Summary(measurement)).ConfigureAwait(false);
            if (run.JsonPath is { } jsonPath)
            {
                if (Path.GetDirectoryName(Path.GetFullPath(jsonPath)) is { } directory)
                    Directory.CreateDirectory(directory);
                await File.WriteAllTextAsync(jsonPath, measurement.ToJson() + "\n", CancellationToken.None).ConfigureAwait(false);
            }
            return ExitCodes.Success;
        }
        catch (JobExecutionException e)
        {
            return console.Fail(ExitCodes.JobFailed, e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return console.Fail(ExitCodes.Cancelled, $"Nexmark {run.Query.Name} was cancelled.");
        }
        catch (IOException e)
        {
            return console.Fail(ExitCodes.InvalidInput, e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            return console.Fail(ExitCodes.InvalidInput, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The runtime failing around the job (e.g. the node could not start): report, no stack trace.
            return console.Fail(ExitCodes.JobFailed, $"Nexmark {run.Query.Name} could not run: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Why the output directory cannot take this run's results, or null when it can.</summary>
    private string? CheckOutput()
    {
        if (run.OutputDirectory is not { } output)
            return null;
        if (File.Exists(output))
            return $"--output: '{output}' is a file; give a directory for the result files.";
        // Parts of an earlier run (maybe at another parallelism or engine) would mix with this run's.
        if (Directory.Exists(output) && Directory.EnumerateFiles(output, "part-*").Any())
            return $"--output: '{output}' already holds part files; remove them or choose another directory.";
        return null;
    }

    private async Task<NexmarkMeasurement> RunActorStreamAsync(NexmarkGenerator generator, CancellationToken cancellationToken)
    {
        // Checkpoints go to a SQLite file of this run only: no state of an earlier run under the job name is restored.
        var stateDb = run.CheckpointInterval is null ? null : Path.Combine(Path.GetTempPath(), $"actorstream-bench-{Guid.NewGuid():N}.db");
        try
        {
            var env = LocalEnvironment.Create(run.LogLevel, stateDb);
            // A streaming benchmark: watermarks flow as in the reference, although the generated input is bounded.
            env.RuntimeMode = RuntimeExecutionMode.Streaming;
            if (run.Parallelism is { } parallelism)
                env.Parallelism = parallelism;
            if (run.CheckpointInterval is { } interval)
                env.EnableCheckpointing(interval, CheckpointingMode.ExactlyOnce);
            ExecutionArguments.Apply(run.Exchange, env);
            var latency = run.Latency ? new LatencyRecorder() : null;
            if (latency is not null)
                Q1Latency.AddTo(env, generator, run.Events, run.Rate, latency);
            else
                run.Query.AddTo(env, generator, run.Events, run.OutputDirectory);

            var wall = Stopwatch.StartNew();
            var client = await env.StartAsync($"nexmark-{run.Query.Name}", cancellationToken).ConfigureAwait(false);
            var activity = ProcessActivity.Now(); // from the job's submission: the node's start is not the run's
            await console.Error.WriteLineAsync($"Nexmark {run.Query.Name} is running as job {client.JobId}.").ConfigureAwait(false);
            var result = await AwaitWithProgressAsync(client, cancellationToken).ConfigureAwait(false);
            wall.Stop();
            return new NexmarkMeasurement(run.Query.Name, NexmarkEngine.ActorStream, run.Events, result.GetCounter(NexmarkQuery.ResultsCounter),
                result.Duration, wall.Elapsed, env.Parallelism, run.CheckpointInterval)
            {
                CompletedCheckpoints = result.CompletedCheckpoints,
                Rate = run.Rate,
                Latency = latency?.Summary(),
                Activity = ProcessActivity.Now().Since(activity),
            };
        }
        finally
        {
            if (stateDb is not null)
                DeleteStateDb(stateDb);
        }
    }

    /// <summary>
    /// The query on a loopback cluster of <see cref="NexmarkBenchRun.Nodes"/> node processes: submitted by spec, so every
    /// node builds it from the host's catalog, with the parallelism's slots spread evenly over the nodes. Fails when a node
    /// ran no subtask: the run would not have measured the exchange between nodes.
    /// </summary>
    private async Task<NexmarkMeasurement> RunOnNodesAsync(CancellationToken cancellationToken)
    {
        var parallelism = run.Parallelism ?? Environment.ProcessorCount;
        var spec = ExecutionArguments.Catalog.Describe(NexmarkJobs.NameOf(run.Query), NexmarkJobs.Arguments(run, parallelism)).Spec;
        // One SQLite file shared by the nodes of this run only: nothing of an earlier run is restored. Without
        // checkpoints nothing is written to it.
        var stateDb = Path.Combine(Path.GetTempPath(), $"actorstream-bench-{Guid.NewGuid():N}.db");
        var slotsPerNode = (parallelism + run.Nodes - 1) / run.Nodes;
        var wall = Stopwatch.StartNew();
        try
        {
            JobExecutionResult result;
            IReadOnlyList<(string Node, int Subtasks)> placement;
            await using (var cluster = await LoopbackCluster.StartAsync(run.Nodes, slotsPerNode, stateDb, run.LogLevel, cancellationToken)
                             .ConfigureAwait(false))
            {
                var client = cluster.Node.Submit(spec);
                await console.Error.WriteLineAsync($"Nexmark {run.Query.Name} is running as job {client.JobId} on {run.Nodes} nodes: " +
                    $"{cluster.Description}; {slotsPerNode} slot{(slotsPerNode == 1 ? "" : "s")} each.").ConfigureAwait(false);
                using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var lost = cluster.ChildLostAsync(stopWatching.Token);
                var completion = AwaitWithProgressAsync(client, cancellationToken);
                if (await Task.WhenAny(completion, lost).ConfigureAwait(false) == lost && !completion.IsCompleted)
                {
                    // The job would restart and wait for the lost node's slots until its restart strategy gives up.
                    await client.CancelAsync(CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
                    await completion.ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(CancelGrace).ConfigureAwait(false);
                    throw new JobExecutionException(client.JobId, $"Nexmark {run.Query.Name} lost a node: {await lost.ConfigureAwait(false)}",
                        null, null, null);
                }
                await stopWatching.CancelAsync().ConfigureAwait(false);
                result = await completion.ConfigureAwait(false);
                placement = await cluster.SubtasksPerNodeAsync(client.JobId, cancellationToken).ConfigureAwait(false);
            }
            wall.Stop();
            await console.Error.WriteLineAsync("Subtasks per node: " +
                string.Join(", ", placement.Select((p, i) => $"{p.Node}{(i == 0 ? " (this process)" : "")} {p.Subtasks}")) + ".").ConfigureAwait(false);
            if (placement.FirstOrDefault(p => p.Subtasks == 0) is { Node: not null } idle)
                throw new JobExecutionException(result.JobId, $"Nexmark {run.Query.Name} ran no subtask on node {idle.Node}: the run did not " +
                    "spread over the nodes, so it measured no exchange between them.", null, null, null);
            return new NexmarkMeasurement(run.Query.Name, NexmarkEngine.ActorStream, run.Events, result.GetCounter(NexmarkQuery.ResultsCounter),
                result.Duration, wall.Elapsed, parallelism, run.CheckpointInterval)
            {
                CompletedCheckpoints = result.CompletedCheckpoints,
                Nodes = run.Nodes,
            };
        }
        finally
        {
            DeleteStateDb(stateDb);
        }
    }

    /// <summary>q1's loop with per-result latency, paced to <see cref="NexmarkBenchRun.Rate"/> when given.</summary>
    private NexmarkMeasurement RunLoopWithLatency(NexmarkGenerator generator)
    {
        var latency = new LatencyRecorder();
        var activity = ProcessActivity.Now();
        var watch = Stopwatch.StartNew();
        var results = Q1Latency.RunLoop(generator, run.Events, run.Rate, latency);
        watch.Stop();
        return new NexmarkMeasurement(run.Query.Name, NexmarkEngine.Loop, run.Events, results, watch.Elapsed, watch.Elapsed, Parallelism: 1,
            CheckpointInterval: null)
        {
            Rate = run.Rate,
            Latency = latency.Summary(),
            Activity = ProcessActivity.Now().Since(activity),
        };
    }

    /// <summary>Deletes a run's temporary SQLite state store with its journal files; a leftover in the temp directory is no failure.</summary>
    private static void DeleteStateDb(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The node may still hold the file on another platform; the temp directory is cleaned eventually.
            }
        }
    }

    private async Task<JobExecutionResult> AwaitWithProgressAsync(IJobClient client, CancellationToken cancellationToken)
    {
        using var stopProgress = new CancellationTokenSource();
        var progress = new ProgressReporter(client, console.Error, JobRunner.ProgressInterval).RunAsync(stopProgress.Token);
        try
        {
            return await client.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !client.Completion.IsCompleted)
        {
            await console.Error.WriteLineAsync($"Cancelling job {client.JobId}...").ConfigureAwait(false);
            try
            {
                await client.CancelAsync(CancellationToken.None).ConfigureAwait(false);
                await client.Completion.WaitAsync(CancelGrace).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // A cancelled job's completion faults by design; a cancel that times out leaves nothing more to try.
            }
            throw;
        }
        finally
        {
            await stopProgress.CancelAsync().ConfigureAwait(false);
            await progress.ConfigureAwait(false);
        }
    }

    private static string Summary(NexmarkMeasurement m)
    {
        var engine = m.Engine switch
        {
            NexmarkEngine.Loop => "loop (1 thread)",
            NexmarkEngine.AkkaStreams => "akka-streams (one materialized stream)",
            _ when m.Nodes > 1 => $"actorstream (parallelism {m.Parallelism} on {m.Nodes} nodes)",
            _ => $"actorstream (parallelism {m.Parallelism})",
        };
        var wall = m.Engine switch
        {
            NexmarkEngine.Loop => "",
            NexmarkEngine.AkkaStreams => $", wall {Formats.Seconds(m.WallTime)} with actor system start and stop",
            _ when m.Nodes > 1 => $", wall {Formats.Seconds(m.WallTime)} with the nodes' start and stop",
            _ => $", wall {Formats.Seconds(m.WallTime)} with node start and stop",
        };
        return $"nexmark {m.Query} on {engine}: {Formats.Count(m.Events)} events in {Formats.Seconds(m.Duration)} = " +
               $"{Formats.Count((long)m.EventsPerSecond)} events/s; {Formats.Count(m.Results)} results{wall}{Checkpoints(m)}{Latency(m)}{Activity(m)}";
    }

    /// <summary>"; 12 exactly-once checkpoints every 200 ms", or nothing for a run without checkpoints.</summary>
    private static string Checkpoints(NexmarkMeasurement m) => m.CheckpointInterval is { } interval
        ? $"; {Formats.Count(m.CompletedCheckpoints)} exactly-once checkpoints every {interval.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture)} ms"
        : "";

    /// <summary>
    /// "; 1.62 cores busy; GC 2 gen2, 40 gen1, 310 gen0 collections, paused 1.234 s, 8,123 MB allocated", or nothing when not
    /// measured.
    /// </summary>
    private static string Activity(NexmarkMeasurement m) => m.Activity is { } a
        ? $"; {a.CoresBusy.ToString("0.00", CultureInfo.InvariantCulture)} cores busy; GC {Formats.Count(a.Gen2)} gen2, " +
          $"{Formats.Count(a.Gen1)} gen1, {Formats.Count(a.Gen0)} gen0 collections, paused {Formats.Seconds(a.Pause)}, " +
          $"{Formats.Count(a.AllocatedBytes >> 20)} MB allocated"
        : "";

    /// <summary>"; latency p50 ..., p99 ..., max ... over N results at R/s", or nothing when latency was not measured.</summary>
    private static string Latency(NexmarkMeasurement m) => m.Latency is { } l
        ? $"; latency p50 {LatencyText(l.P50Ms)}, p99 {LatencyText(l.P99Ms)}, max {LatencyText(l.MaxMs)} over {Formats.Count(l.Samples)} results" +
          (m.Rate is { } rate ? $" at {Formats.Rate(rate)}" : ", unpaced")
        : "";

    /// <summary>A latency in microseconds below a millisecond ("0.85 µs", "420 µs"), else in milliseconds ("4.25 ms").</summary>
    private static string LatencyText(double ms) => ms < 1
        ? (ms * 1000).ToString("0.##", CultureInfo.InvariantCulture) + " µs"
        : ms.ToString("0.##", CultureInfo.InvariantCulture) + " ms";
}
