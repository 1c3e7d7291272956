using ActorStream.Examples;
using ActorStream.Graph;
using ActorStream.Host.Console;

namespace ActorStream.Host.Commands;

/// <summary>Builds an example job, runs it with progress on stderr, and turns its outcome into a summary and an exit code.</summary>
internal static class JobRunner
{
    /// <summary>How often a running job's progress is printed.</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(2);

    /// <summary>How long a cancelled job has to confirm before the command gives up waiting (below the CLI's termination grace).</summary>
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(15);

    /// <summary>Runs <paramref name="job"/> locally; cancelling <paramref name="cancellationToken"/> (Ctrl+C) cancels the job.</summary>
    public static async Task<int> RunAsync(ExampleJob job, IReadOnlyDictionary<string, string> arguments, StreamExecutionEnvironment env,
        HostConsole console, CancellationToken cancellationToken)
    {
        try
        {
            ExecutionArguments.Build(job, arguments, env);
            // Planning here reports a bad plan (e.g. BATCH with an unbounded source) before a node is started.
            _ = env.GetJobGraph(job.Name);
        }
        catch (Exception e) when (e is JobParameterException or InvalidOperationException or ArgumentException)
        {
            return console.Fail(ExitCodes.InvalidInput, e.Message);
        }

        return await FollowAsync(job.Name, async () =>
        {
            var client = await env.StartAsync(job.Name, cancellationToken).ConfigureAwait(false);
            await console.Error.WriteLineAsync($"Job '{job.Name}' is running as {client.JobId}.").ConfigureAwait(false);
            return client;
        }, console, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts a job with <paramref name="start"/>, follows it with progress on stderr and turns its outcome into a summary and an exit code.</summary>
    public static async Task<int> FollowAsync(string jobName, Func<Task<IJobClient>> start, HostConsole console, CancellationToken cancellationToken)
    {
        try
        {
            var client = await start().ConfigureAwait(false);
            var result = await AwaitWithProgressAsync(client, console, cancellationToken).ConfigureAwait(false);
            ResultPrinter.Print(result, console.Out);
            return ExitCodes.Success;
        }
        catch (JobExecutionException e) when (e.InnerException is CheckpointRestoreException restore)
        {
            return console.Fail(ExitCodes.InvalidInput, restore.Message);
        }
        catch (JobExecutionException e)
        {
            return console.Fail(ExitCodes.JobFailed, e.Message);
        }
        catch (OperationCanceledException)
        {
            return console.Fail(ExitCodes.Cancelled, $"Job '{jobName}' was cancelled.");
        }
        catch (ActorStream.Actors.Client.JobSubmissionException e)
        {
            return console.Fail(ExitCodes.JobFailed, $"Job '{jobName}' was not accepted: {e.Message}");
        }
        catch (Exception e)
        {
            // Anything else is the runtime failing around the job (e.g. the node could not start): report, no stack trace.
            return console.Fail(ExitCodes.JobFailed, $"Job '{jobName}' could not run: {e.GetType().Name}: {e.Message}");
        }
    }

    private static async Task<JobExecutionResult> AwaitWithProgressAsync(IJobClient client, HostConsole console, CancellationToken cancellationToken)
    {
        using var stopProgress = new CancellationTokenSource();
        var progress = new ProgressReporter(client, console.Error, ProgressInterval).RunAsync(stopProgress.Token);
        try
        {
            return await client.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !client.Completion.IsCompleted)
        {
            await CancelAsync(client, console).ConfigureAwait(false);
            throw;
        }
        finally
        {
            await stopProgress.CancelAsync().ConfigureAwait(false);
            await progress.ConfigureAwait(false);
        }
    }

    /// <summary>Cancels the job and waits a bounded time for it to confirm, so Ctrl+C always ends the command.</summary>
    private static async Task CancelAsync(IJobClient client, HostConsole console)
    {
        await console.Error.WriteLineAsync($"Cancelling job {client.JobId}...").ConfigureAwait(false);
        try
        {
            // CancellationToken.None: the token that brought us here is already cancelled.
            await client.CancelAsync(CancellationToken.None).ConfigureAwait(false);
            await client.Completion.WaitAsync(CancelGrace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await console.Error.WriteLineAsync(
                $"warning: job {client.JobId} did not confirm its cancellation within {CancelGrace.TotalSeconds:0} s; exiting anyway.")
                .ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A cancelled job's completion faults by design, and a failed cancel request leaves nothing more to try.
        }
    }
}
