using ActorStream.Host;

namespace ActorStream.Bench.Tests.Support;

/// <summary>The outcome of one in-process <c>actorstream</c> invocation.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>Runs <c>actorstream</c> with <paramref name="args"/> in this process, capturing its output.</summary>
    public static async Task<CliRun> InvokeAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = await Cli.InvokeAsync(args, TextWriter.Synchronized(stdout), TextWriter.Synchronized(stderr));
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Everything written, for assertion messages.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}";
}
