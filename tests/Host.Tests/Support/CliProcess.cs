using System.Diagnostics;
using System.Text;

namespace ActorStream.Host.Tests.Support;

/// <summary>
/// <c>actorstream</c> in a process of its own (the build copies it next to the tests), for tests
/// that must kill the engine the hard way.
/// </summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private CliProcess(Process process) => _process = process;

    /// <summary>Starts <c>dotnet actorstream.dll</c> with <paramref name="args"/>.</summary>
    public static CliProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "actorstream.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        return Launch(start);
    }

    /// <summary>Starts <c>bash SCRIPT ARGS</c> in <paramref name="directory"/> with <paramref name="environment"/> added.</summary>
    public static CliProcess StartScript(string directory, IReadOnlyDictionary<string, string> environment, string script, params string[] args)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        return Launch(start);
    }

    private static CliProcess Launch(ProcessStartInfo start)
    {
        var process = new Process { StartInfo = start };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, e) => cli.Append(e.Data);
        process.ErrorDataReceived += (_, e) => cli.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>True once the process ended by itself.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>What it wrote so far (stdout and stderr interleaved).</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <summary>SIGTERM: the process shuts down as a service manager asks it to.</summary>
    public void Terminate() => Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

    /// <summary>Waits until the process ended by itself; false after <paramref name="timeout"/>.</summary>
    public Task<bool> WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync().WaitAsync(timeout)
        .ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);

    /// <summary>The exit code once the process ended.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>SIGKILL: no shutdown hook, no flush, no goodbye.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_process.HasExited)
            KillHard();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }
}
