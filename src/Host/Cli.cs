using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using ActorStream.Examples;
using ActorStream.Host.Commands;

namespace ActorStream.Host;

/// <summary>The <c>actorstream</c> command line, callable in-process (tests, embedding) as well as from Program.</summary>
public static class Cli
{
    /// <summary>The command's name, as typed.</summary>
    public const string CommandName = "actorstream";

    /// <summary>How long a Ctrl+C'd command has to cancel its job and shut its node down before the process exits anyway.</summary>
    private static readonly TimeSpan TerminationGrace = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Parses and runs <paramref name="args"/>; returns the exit code (see <see cref="ExitCodes"/>). Output goes to
    /// <paramref name="stdout"/> and <paramref name="stderr"/>, the console when null; with a writer given, output
    /// counts as redirected (plain lines, no live display).
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null,
        CancellationToken cancellationToken = default)
    {
        var console = new HostConsole(stdout ?? System.Console.Out, stderr ?? System.Console.Error,
            IsTerminal: stdout is null && !System.Console.IsOutputRedirected);
        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            ProcessTerminationTimeout = TerminationGrace,
        };
        var parseResult = CreateRootCommand(console).Parse(args);
        if (parseResult.Action is ParseErrorAction errors)
            errors.ShowHelp = false; // the message names the problem; the full help would bury it
        var exitCode = await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        if (parseResult.Errors.Count > 0)
            await console.Error.WriteLineAsync(Hint(parseResult.CommandResult)).ConfigureAwait(false);
        return exitCode;
    }

    /// <summary>The root command with every subcommand, writing to <paramref name="console"/>.</summary>
    public static RootCommand CreateRootCommand(HostConsole console) => new RootCommand(
        "ActorStream: Flink-style stream processing on Akka.NET. Runs the example jobs on an embedded one-process cluster.")
    {
        HelpName = CommandName,
        Subcommands =
        {
            JobsCommand.Create(console), RunCommand.Create(console), DemoCommand.Create(console), BenchCommand.Create(console),
            NodeCommand.Create(console), ProduceCommand.Create(console), DevCommand.Create(console),
        },
    }.WithSubcommands(ControlCommands.Create(console));

    private static RootCommand WithSubcommands(this RootCommand root, IEnumerable<Command> commands)
    {
        foreach (var command in commands)
            root.Subcommands.Add(command);
        return root;
    }

    /// <summary>Where to look after a parse error: the failing command's help, and the job names for <c>run</c>.</summary>
    private static string Hint(CommandResult command)
    {
        var path = new List<string>();
        for (SymbolResult? result = command; result is not null; result = result.Parent)
        {
            if (result is CommandResult { Command: var c })
                path.Insert(0, c is RootCommand ? CommandName : c.Name);
        }
        var hint = $"See '{string.Join(' ', path)} --help' for usage.";
        return command.Command.Name == "run"
            ? $"{hint} Jobs: {string.Join(", ", ExampleJobs.All.Select(j => j.Name))} ('{CommandName} jobs' lists their options)."
            : hint;
    }
}
