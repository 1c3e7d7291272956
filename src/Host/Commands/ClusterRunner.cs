using ActorStream.Actors.Client;
using ActorStream.Examples;

namespace ActorStream.Host.Commands;

/// <summary>Submits an example job to a running cluster by spec and follows it like a local run (or returns at once when detached).</summary>
internal static class ClusterRunner
{
    public static async Task<int> RunAsync(ExampleJob job, Dictionary<string, string> arguments, IReadOnlyList<string> contactPoints,
        bool detached, HostConsole console, CancellationToken cancellationToken)
    {
        ActorStream.Graph.JobSpec spec;
        try
        {
            ExecutionArguments.MakePathsAbsolute(job, arguments);
            // Built here as on every node: bad options fail before anything is sent, and the fingerprint travels with the spec.
            spec = ExecutionArguments.Catalog.Describe(job.Name, arguments).Spec;
        }
        catch (Exception e) when (e is JobParameterException or InvalidOperationException or ArgumentException)
        {
            return console.Fail(ExitCodes.InvalidInput, e.Message);
        }

        ClusterConnection connection;
        try
        {
            connection = await ClusterConnection.ConnectAsync(contactPoints, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            return console.Fail(ExitCodes.InvalidInput, e.Message);
        }
        await using (connection.ConfigureAwait(false))
        {
            if (detached)
            {
                try
                {
                    var jobId = await connection.SubmitAsync(spec, cancellationToken).ConfigureAwait(false);
                    await console.Out.WriteLineAsync(jobId).ConfigureAwait(false);
                    await console.Error.WriteLineAsync($"Job '{job.Name}' submitted as {jobId} through {connection.Node}.").ConfigureAwait(false);
                    return ExitCodes.Success;
                }
                catch (JobSubmissionException e)
                {
                    return console.Fail(ExitCodes.JobFailed, $"Job '{job.Name}' was not accepted: {e.Message}");
                }
            }
            return await JobRunner.FollowAsync(job.Name, async () =>
            {
                var jobId = await connection.SubmitAsync(spec, cancellationToken).ConfigureAwait(false);
                await console.Error.WriteLineAsync($"Job '{job.Name}' is running as {jobId} on the cluster (through {connection.Node}).")
                    .ConfigureAwait(false);
                return connection.Job(jobId, job.Name);
            }, console, cancellationToken).ConfigureAwait(false);
        }
    }
}
