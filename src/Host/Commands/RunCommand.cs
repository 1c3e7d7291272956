using System.CommandLine;
using ActorStream.Examples;

namespace ActorStream.Host.Commands;

/// <summary><c>actorstream run &lt;job&gt;</c>: one subcommand per example job, with the job's own options.</summary>
internal static class RunCommand
{
    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public static Command Create(HostConsole console)
    {
        var run = new Command("run", "Run an example job on an embedded one-process cluster, or submit it to a cluster with --cluster; Ctrl+C cancels it.");
        foreach (var job in ExampleJobs.All)
            run.Subcommands.Add(CreateJobCommand(job, console));
        return run;
    }

    private static Command CreateJobCommand(ExampleJob job, HostConsole console)
    {
        var command = new Command(job.Name, job.Description);
        var jobOptions = job.Options.Select(option => (option.Name, Option: ToCliOption(option))).ToList();
        foreach (var (_, option) in jobOptions)
            command.Options.Add(option);
        var execution = new ExecutionOptions();
        execution.AddTo(command);
        var cluster = new ClusterOptions();
        cluster.AddSubmissionOptionsTo(command);
        var rest = new RestOptions();
        rest.AddTo(command);

        command.SetAction((parseResult, cancellationToken) =>
        {
            var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, option) in jobOptions)
            {
                var given = option is Option<bool> flag
                    ? parseResult.GetValue(flag) ? "true" : null
                    : parseResult.GetValue((Option<string>)option);
                if (given is not null)
                    arguments[name] = given;
            }
            execution.AddArguments(parseResult, arguments);
            try
            {
                job.Prepare(new JobParameters(arguments, job.Options));
            }
            catch (JobParameterException e)
            {
                return Task.FromResult(console.Fail(ExitCodes.InvalidInput, e.Message));
            }
            if (cluster.ContactPointsOf(parseResult) is { } contactPoints)
            {
                if (execution.StateDbOf(parseResult) is not null)
                    return Task.FromResult(console.Fail(ExitCodes.InvalidInput,
                        "--state-db does not apply with --cluster: the cluster's nodes use the state store they were started with."));
                if (parseResult.GetValue(rest.Port) is not null)
                    return Task.FromResult(console.Fail(ExitCodes.InvalidInput,
                        "--rest-port does not apply with --cluster: start the nodes with --rest-port and use theirs."));
                return ClusterRunner.RunAsync(job, arguments, contactPoints, parseResult.GetValue(cluster.Detached), console, cancellationToken);
            }
            Rest.RestSettings? restSettings;
            try
            {
                restSettings = rest.SettingsOf(parseResult);
            }
            catch (ArgumentException e)
            {
                return Task.FromResult(console.Fail(ExitCodes.InvalidInput, e.Message));
            }
            if (parseResult.GetValue(execution.FromSavepoint) is { } pointer
                && ActorStream.Actors.Persistence.StateStoreSettings.TryParse(execution.StateDbOf(parseResult), out var store, out _)
                && store.DatabaseFile is { } file && !File.Exists(file))
                return Task.FromResult(console.Fail(ExitCodes.InvalidInput, $"--from-savepoint {pointer}: nothing to restore: the state store {file} " +
                    "does not exist; give the --state-db of the run to resume, or start without --from-savepoint."));
            var environment = LocalEnvironment.Create(execution.LogLevelOf(parseResult), execution.StateDbOf(parseResult), restSettings, console);
            return JobRunner.RunAsync(job, arguments, environment, console, cancellationToken);
        });
        return command;
    }

    private static Option ToCliOption(JobOption option)
    {
        if (option.IsFlag)
            return new Option<bool>(option.Flag) { Description = option.Description };
        var cli = new Option<string>(option.Flag)
        {
            Description = option.Description,
            Required = option.Required && option.Default is null,
        };
        if (option.Default is { } defaultValue)
            cli.DefaultValueFactory = _ => defaultValue;
        return cli;
    }
}
