using ActorStream.Graph;

namespace ActorStream.Host.Console;

/// <summary>Writes a running job's progress (status, records in and out, records/s) to a writer at a fixed interval.</summary>
internal sealed class ProgressReporter(IJobClient client, TextWriter output, TimeSpan interval, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Reports until the job completes or <paramref name="cancellationToken"/> is cancelled; short jobs print nothing.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var meter = new ThroughputMeter(_time);
        using var timer = new PeriodicTimer(interval, _time);
        try
        {
            while (await NextTickAsync(timer, cancellationToken).ConfigureAwait(false))
            {
                if (await TryGetProgressAsync(cancellationToken).ConfigureAwait(false) is not { } progress || client.Completion.IsCompleted)
                    continue;
                var rate = meter.Sample(progress.RecordsIn);
                await output.WriteLineAsync(
                    $"{Formats.Elapsed(progress.Elapsed)} {progress.Status.ToString().ToUpperInvariant()}  " +
                    $"in {Formats.Count(progress.RecordsIn)} ({Formats.Rate(rate)})  out {Formats.Count(progress.RecordsOut)}" +
                    (progress.CompletedCheckpoints > 0 ? $"  checkpoints {progress.CompletedCheckpoints}" : "") +
                    (progress.Restarts > 0 ? $"  restarts {progress.Restarts}" : ""))
                    .ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>True at the next tick; false once the job has completed.</summary>
    private async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        if (client.Completion.IsCompleted)
            return false;
        var tick = timer.WaitForNextTickAsync(cancellationToken).AsTask();
        var first = await Task.WhenAny(tick, client.Completion).ConfigureAwait(false);
        return first == tick && await tick.ConfigureAwait(false);
    }

    private async Task<JobProgress?> TryGetProgressAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetProgressAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Progress is best effort: the job may be ending and its node shutting down.
            return null;
        }
    }
}
