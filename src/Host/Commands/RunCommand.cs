using System.CommandLine;
using ActorStream.Examples;

namespace ActorStream.Host.Commands;

/// <summary><c>actorstream run &lt;job&gt;</c>: one subcommand per example job, with the job's own options.</summary>
internal static class RunCommand
{
    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public static Command Create(HostConsole console)
    {
        var run = new Command("run", "Run an example job on an embedded one-process cluster; Ctrl+C cancels it.");
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

        command.SetAction((parseResult, cancellationToken) =>
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, option) in jobOptions)
            {
                if (parseResult.GetValue(option) is { } value)
                    values[name] = value;
            }
            var parameters = new JobParameters(values, job.Options);
            var environment = LocalEnvironment.Create(execution.LogLevelOf(parseResult), execution.StateDbOf(parseResult));
            return JobRunner.RunAsync(job, parameters, environment, env => execution.Apply(parseResult, env), console, cancellationToken);
        });
        return command;
    }

    private static Option<string> ToCliOption(JobOption option)
    {
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
