using System.CommandLine;
using ActorStream.Examples;

namespace ActorStream.Host.Commands;

/// <summary><c>actorstream jobs</c>: lists the example jobs with their options.</summary>
internal static class JobsCommand
{
    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public static Command Create(HostConsole console)
    {
        var command = new Command("jobs", "List the example jobs and their options.");
        command.SetAction(_ =>
        {
            Write(ExampleJobs.All, console.Out);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Writes the catalogue of <paramref name="jobs"/>.</summary>
    public static void Write(IReadOnlyList<ExampleJob> jobs, TextWriter output)
    {
        output.WriteLine("Example jobs (run one with: actorstream run <job> [options]):");
        var nameWidth = jobs.Max(job => job.Name.Length);
        foreach (var job in jobs)
        {
            output.WriteLine();
            output.WriteLine($"  {job.Name.PadRight(nameWidth)}  {job.Description}");
            var flagWidth = job.Options.Select(o => o.Flag.Length).DefaultIfEmpty(0).Max();
            foreach (var option in job.Options)
            {
                var notes = option.Required ? " (required)" : option.Default is { } d ? $" [default: {d}]" : "";
                output.WriteLine($"      {option.Flag.PadRight(flagWidth)}  {option.Description}{notes}");
            }
        }
        output.WriteLine();
        output.WriteLine("Every job also takes --parallelism N, --max-parallelism N and --mode streaming|batch|automatic.");
    }
}
