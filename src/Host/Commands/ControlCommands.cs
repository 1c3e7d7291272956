using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using ActorStream.Actors.Client;
using ActorStream.Graph;

namespace ActorStream.Host.Commands;

/// <summary><c>list</c>, <c>nodes</c>, <c>cancel</c>, <c>savepoint</c> and <c>stop</c>: control a running cluster through any of its nodes.</summary>
internal static class ControlCommands
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static IEnumerable<Command> Create(HostConsole console)
    {
        yield return List(console);
        yield return Nodes(console);
        yield return JobCommand("cancel", "Cancel a job: its subtasks stop without finishing their output.", console,
            async (job, _, ct) => { await job.CancelAsync(ct).ConfigureAwait(false); return "cancelled"; });
        yield return JobCommand("savepoint", "Take a savepoint of a running job; prints its pointer (for run --from-savepoint).", console,
            async (job, _, ct) => await job.TriggerSavepointAsync(ct).ConfigureAwait(false));
        yield return JobCommand("stop", "Stop a job: drain it (its sources end), or with --savepoint take a savepoint and stop.", console,
            async (job, withSavepoint, ct) =>
            {
                if (withSavepoint)
                    return await job.StopWithSavepointAsync(ct).ConfigureAwait(false);
                await job.StopAsync(ct).ConfigureAwait(false);
                return "stopping (draining)";
            }, withSavepointOption: true);
    }

    private static Command List(HostConsole console) => ListCommand("list",
        "List the cluster's jobs: id, name, status, parallelism, job master node, checkpoints, restarts.", console,
        (connection, ct) => connection.ListJobsAsync(ct),
        j => new JsonObject
        {
            ["id"] = j.Id,
            ["name"] = j.Name,
            ["status"] = j.Status.ToFlinkName(),
            ["parallelism"] = j.Parallelism,
            ["jobMasterNode"] = j.JobMasterNode,
            ["checkpoints"] = j.Checkpoints,
            ["restarts"] = j.Restarts,
            ["submittedAt"] = DateTimeOffset.FromUnixTimeMilliseconds(j.SubmittedAt).ToString("O"),
        },
        $"{"ID",-32}  {"NAME",-14}  {"STATUS",-10}  {"P",3}  {"JOB MASTER",-21}  {"CHECKPOINTS",11}  {"RESTARTS",8}",
        j => $"{j.Id,-32}  {j.Name,-14}  {j.Status.ToFlinkName(),-10}  {j.Parallelism,3}  {j.JobMasterNode,-21}  {j.Checkpoints,11}  {j.Restarts,8}");

    private static Command Nodes(HostConsole console) => ListCommand("nodes",
        "List the cluster's nodes with their status and slots (total and free).", console,
        (connection, ct) => connection.ListNodesAsync(ct),
        n => new JsonObject
        {
            ["address"] = n.Address,
            ["status"] = n.Status,
            ["slots"] = n.Slots,
            ["freeSlots"] = n.FreeSlots,
        },
        $"{"ADDRESS",-21}  {"STATUS",-12}  {"SLOTS",5}  {"FREE",5}",
        n => $"{n.Address,-21}  {n.Status,-12}  {n.Slots,5}  {n.FreeSlots,5}");

    /// <summary>A command that prints what it reads from the cluster as a table, or with --json as a JSON array.</summary>
    private static Command ListCommand<T>(string name, string description, HostConsole console,
        Func<ClusterConnection, CancellationToken, Task<IReadOnlyList<T>>> read, Func<T, JsonObject> toJson, string header, Func<T, string> row)
    {
        var options = new ClusterOptions();
        var json = new Option<bool>("--json") { Description = "Print a JSON array instead of a table." };
        var command = new Command(name, description) { options.Cluster, json };
        command.SetAction((parseResult, ct) => WithConnectionAsync(options, parseResult, console, async connection =>
        {
            var items = await read(connection, ct).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                var array = new JsonArray([.. items.Select(item => (JsonNode)toJson(item))]);
                await console.Out.WriteLineAsync(array.ToJsonString(Indented)).ConfigureAwait(false);
                return ExitCodes.Success;
            }
            await console.Out.WriteLineAsync(header).ConfigureAwait(false);
            foreach (var item in items)
                await console.Out.WriteLineAsync(row(item)).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command JobCommand(string name, string description, HostConsole console,
        Func<IJobClient, bool, CancellationToken, Task<string>> act, bool withSavepointOption = false)
    {
        var options = new ClusterOptions();
        var jobId = new Argument<string>("JOB-ID") { Description = "The job's id (actorstream list shows it)." };
        var savepoint = new Option<bool>("--savepoint") { Description = "Take a savepoint, commit its output, then stop (Flink's stop-with-savepoint)." };
        var command = new Command(name, description) { jobId, options.Cluster };
        if (withSavepointOption)
            command.Options.Add(savepoint);
        command.SetAction((parseResult, ct) => WithConnectionAsync(options, parseResult, console, async connection =>
        {
            var id = parseResult.GetValue(jobId)!;
            var outcome = await act(connection.Job(id), withSavepointOption && parseResult.GetValue(savepoint), ct).ConfigureAwait(false);
            await console.Out.WriteLineAsync(outcome).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static async Task<int> WithConnectionAsync(ClusterOptions options, ParseResult parseResult, HostConsole console,
        Func<ClusterConnection, Task<int>> act)
    {
        var contactPoints = options.ContactPointsOf(parseResult) ?? [$"127.0.0.1:{NodeCommand.DefaultPort}"];
        try
        {
            await using var connection = await ClusterConnection.ConnectAsync(contactPoints).ConfigureAwait(false);
            return await act(connection).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or JobSubmissionException or Akka.Actor.AskTimeoutException)
        {
            return console.Fail(e is JobSubmissionException ? ExitCodes.JobFailed : ExitCodes.InvalidInput, e.Message);
        }
    }
}
