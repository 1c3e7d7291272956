using System.Runtime.CompilerServices;
using ActorStream.Examples.Demo;
using ActorStream.Graph;
using ActorStream.Host.Console;

namespace ActorStream.Host.Demo;

/// <summary>
/// One run of <c>actorstream demo</c>: starts the click pipeline on the embedded runtime, shows the
/// leaderboard live for a while, stops the sources so the job drains, and writes the results.
/// </summary>
internal sealed class DemoSession(DemoSessionOptions options, HostConsole console)
{
    /// <summary>How long the drained job may take to finish after its sources were stopped.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How many of the open window's leading items the live display shows above the last closed window's top 10.</summary>
    private const int OpenWindowRows = 5;

    /// <summary>Runs the demo; cancelling <paramref name="cancellationToken"/> (Ctrl+C) ends the display early but still drains.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await RunCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (JobExecutionException e)
        {
            return console.Fail(ExitCodes.JobFailed, e.Message);
        }
        catch (OperationCanceledException)
        {
            return console.Fail(ExitCodes.Cancelled, "The demo was cancelled before its job started.");
        }
        catch (Exception e)
        {
            return console.Fail(ExitCodes.JobFailed, $"The demo could not run: {e.GetType().Name}: {e.Message}");
        }
    }

    private async Task<int> RunCoreAsync(CancellationToken cancellationToken)
    {
        var settings = new DemoClicksSettings(options.EventsPerSecond, Count: null, options.OutputDirectory);
        PrepareOutput(settings);
        // Only errors: a runtime warning (e.g. a delayed heartbeat on a busy machine) would tear the live table.
        var env = LocalEnvironment.Create(logLevel: "ERROR");
        if (options.Parallelism is { } parallelism)
            env.Parallelism = parallelism;
        var leaderboard = DemoClicksJob.BuildPipeline(env, settings);

        var client = await env.StartAsync("demo-clicks", cancellationToken).ConfigureAwait(false);
        try
        {
            await WaitUntilRunningAsync(client, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await client.CancelAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        await console.Error.WriteLineAsync(
            $"Demo job {client.JobId} is running: {Formats.Rate(options.EventsPerSecond)} for {options.Seconds} s; " +
            $"writing to {Path.GetFullPath(options.OutputDirectory)}").ConfigureAwait(false);

        await DemoDisplay.ShowAsync(SnapshotsAsync(client, leaderboard, cancellationToken), console).ConfigureAwait(false);
        var result = await DrainAsync(client).ConfigureAwait(false);

        var summary = DemoSummary.Create(result, leaderboard, options.Seconds);
        summary.WriteTo(Path.Combine(options.OutputDirectory, "summary.json"));
        DemoDisplay.PrintSummary(summary, leaderboard.Top(10), Path.GetFullPath(options.OutputDirectory), console);
        return ExitCodes.Success;
    }

    /// <summary>Removes what an earlier run wrote (and nothing else, since the directory may be the user's).</summary>
    private static void PrepareOutput(DemoClicksSettings settings)
    {
        foreach (var directory in new[] { settings.WindowsDirectory, settings.RejectedDirectory })
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
        Directory.CreateDirectory(settings.OutputDirectory);
        File.Delete(Path.Combine(settings.OutputDirectory, "summary.json"));
    }

    /// <summary>Waits for the Running state: the job master ignores a stop request while it is still scheduling.</summary>
    private static async Task WaitUntilRunningAsync(IJobClient client, CancellationToken cancellationToken)
    {
        while (!client.Completion.IsCompleted)
        {
            var progress = await client.GetProgressAsync(cancellationToken).ConfigureAwait(false);
            if (progress.Status is not (JobStatus.Created or JobStatus.Scheduling))
                return;
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A snapshot per refresh until the demo's time is up, the job ends, or the token is cancelled.</summary>
    private async IAsyncEnumerable<DemoSnapshot> SnapshotsAsync(
        IJobClient client, Leaderboard leaderboard, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var duration = TimeSpan.FromSeconds(options.Seconds);
        var started = TimeProvider.System.GetTimestamp();
        var meter = new ThroughputMeter(TimeProvider.System);
        using var timer = new PeriodicTimer(console.IsTerminal ? TimeSpan.FromMilliseconds(500) : options.LogInterval);
        while (!client.Completion.IsCompleted)
        {
            try
            {
                if (!await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
                    yield break;
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
            var elapsed = TimeProvider.System.GetElapsedTime(started);
            var progress = await TryGetProgressAsync(client).ConfigureAwait(false);
            if (progress is not null)
            {
                yield return new DemoSnapshot(Min(elapsed, duration), duration, progress.RecordsIn, meter.Sample(progress.RecordsIn),
                    progress.Counters.GetValueOrDefault(CleanClicks.RejectedCounter), leaderboard.ItemCount, leaderboard.ClosedWindowCount,
                    leaderboard.OpenWindow(OpenWindowRows), leaderboard.LastClosedWindow(10));
            }
            if (elapsed >= duration)
                yield break;
        }
    }

    /// <summary>Ends the sources' input and waits for the job to finish; cancels it when it does not drain in time.</summary>
    private async Task<JobExecutionResult> DrainAsync(IJobClient client)
    {
        if (!client.Completion.IsCompleted)
        {
            await console.Error.WriteLineAsync("Stopping the sources; the job drains and commits its files...").ConfigureAwait(false);
            await client.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        try
        {
            return await client.Completion.WaitAsync(DrainTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await client.CancelAsync(CancellationToken.None).ConfigureAwait(false);
            throw new TimeoutException($"The demo job did not finish within {DrainTimeout.TotalSeconds:0} s of stopping its sources; it was cancelled.");
        }
    }

    private static async Task<JobProgress?> TryGetProgressAsync(IJobClient client)
    {
        try
        {
            return await client.GetProgressAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Best effort: a failed poll only skips one refresh; the job's outcome is reported after the display.
            return null;
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
