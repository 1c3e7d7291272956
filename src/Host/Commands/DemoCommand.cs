using System.CommandLine;
using ActorStream.Examples.Demo;
using ActorStream.Graph.Keys;
using ActorStream.Host.Demo;

namespace ActorStream.Host.Commands;

/// <summary><c>actorstream demo</c>: the shop-clicks pipeline with live top-10 tables of its event-time windows, on the embedded runtime.</summary>
internal static class DemoCommand
{
    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public static Command Create(HostConsole console)
    {
        var seconds = new Option<int>("--seconds")
        {
            Description = "How long the demo runs before its sources stop and the job drains.",
            HelpName = "N",
            DefaultValueFactory = _ => 20,
            CustomParser = result => OptionParsers.Int(result, "--seconds", 1, int.MaxValue),
        };
        var rate = new Option<double>("--rate")
        {
            Description = "Generated events per second.",
            HelpName = "N",
            DefaultValueFactory = _ => DemoClicksSettings.DefaultEventsPerSecond,
            CustomParser = result => OptionParsers.PositiveNumber(result, "--rate"),
        };
        var parallelism = new Option<int?>("--parallelism", "-p")
        {
            Description = "Parallelism of the pipeline [default: the number of cores].",
            HelpName = "N",
            CustomParser = result => OptionParsers.Int(result, "--parallelism", 1, KeyGroupRangeAssignment.UpperBoundMaxParallelism),
        };
        var output = new Option<string>("--output")
        {
            Description = "Directory for windows/, rejected/ and summary.json; cleaned at start.",
            HelpName = "DIR",
            DefaultValueFactory = _ => DemoClicksSettings.DefaultOutputDirectory,
        };

        var command = new Command("demo",
            "Run the shop-clicks demo with live top-10 tables of one-minute event-time windows, then drain it and write results and a summary.json (Ctrl+C ends it early).")
        {
            seconds, rate, parallelism, output,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var options = new DemoSessionOptions(parseResult.GetValue(seconds), parseResult.GetValue(rate),
                parseResult.GetValue(parallelism), parseResult.GetValue(output)!);
            return new DemoSession(options, console).RunAsync(cancellationToken);
        });
        return command;
    }
}
