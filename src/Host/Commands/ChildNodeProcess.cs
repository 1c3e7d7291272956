using System.Diagnostics;
using System.Text;

namespace ActorStream.Host.Commands;

/// <summary>
/// An <c>actorstream node</c> started as a child process of this one, from the same executable: the apphost when this
/// process is one, else the .NET host running this assembly (an in-process invocation, e.g. a test). Its output is kept
/// (the last lines) for error messages; disposing it kills the process if it still runs.
/// </summary>
internal sealed class ChildNodeProcess : IDisposable
{
    private const int KeptLines = 40;
    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private ChildNodeProcess(Process process) => _process = process;

    /// <summary>Starts <c>actorstream node</c> with <paramref name="args"/> (the arguments after "node").</summary>
    public static ChildNodeProcess Start(IEnumerable<string> args)
    {
        var (fileName, prefix) = Executable();
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in prefix.Append("node").Concat(args))
            start.ArgumentList.Add(arg);
        var process = new Process { StartInfo = start };
        var child = new ChildNodeProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>True once the process ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines it wrote (stdout and stderr interleaved).</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return string.Join('\n', _output);
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the process to end by itself; true when it did.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return true; // disposed: it was killed
        }
    }

    /// <summary>Kills the process (and anything it started) if it still runs.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5_000);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // It ended between the check and the kill.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    /// <summary>The program to start and the arguments before the command: the apphost itself, or the .NET host with this assembly.</summary>
    private static (string FileName, string[] Prefix) Executable()
    {
        var current = Environment.ProcessPath;
        if (current is not null && string.Equals(Path.GetFileNameWithoutExtension(current), Cli.CommandName, StringComparison.OrdinalIgnoreCase))
            return (current, []);
        var assembly = typeof(Cli).Assembly.Location;
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH")
            ?? (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? current : "dotnet");
        return (dotnet, [assembly]);
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > KeptLines)
                _output.Dequeue();
        }
    }
}
