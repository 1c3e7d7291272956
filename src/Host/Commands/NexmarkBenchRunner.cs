using System.Diagnostics;
using ActorStream.Bench.Nexmark.Generator;
using ActorStream.Bench.Nexmark.Json;
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
            var measurement = run.Engine == NexmarkEngine.Loop
                ? LoopRunner.Run(run.Query, generator, run.Events, run.OutputDirectory)
                : await RunActorStreamAsync(generator, cancellationToken).ConfigureAwait(false);
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
        var env = LocalEnvironment.Create();
        // A streaming benchmark: watermarks flow as in the reference, although the generated input is bounded.
        env.RuntimeMode = RuntimeExecutionMode.Streaming;
        if (run.Parallelism is { } parallelism)
            env.Parallelism = parallelism;
        run.Query.AddTo(env, generator, run.Events, run.OutputDirectory);

        var wall = Stopwatch.StartNew();
        var client = await env.StartAsync($"nexmark-{run.Query.Name}", cancellationToken).ConfigureAwait(false);
        await console.Error.WriteLineAsync($"Nexmark {run.Query.Name} is running as job {client.JobId}.").ConfigureAwait(false);
        var result = await AwaitWithProgressAsync(client, cancellationToken).ConfigureAwait(false);
        wall.Stop();
        return new NexmarkMeasurement(run.Query.Name, NexmarkEngine.ActorStream, run.Events, result.GetCounter(NexmarkQuery.ResultsCounter),
            result.Duration, wall.Elapsed, env.Parallelism, CheckpointInterval: null);
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
        var engine = m.Engine == NexmarkEngine.Loop ? "loop (1 thread)" : $"actorstream (parallelism {m.Parallelism})";
        var wall = m.Engine == NexmarkEngine.Loop ? "" : $", wall {Formats.Seconds(m.WallTime)} with node start and stop";
        return $"nexmark {m.Query} on {engine}: {Formats.Count(m.Events)} events in {Formats.Seconds(m.Duration)} = " +
               $"{Formats.Count((long)m.EventsPerSecond)} events/s; {Formats.Count(m.Results)} results{wall}";
    }
}
