using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace ActorStream.Host.Tests.Support;

/// <summary>An <c>actorstream node</c> process serving its REST API, with a checkpointed clicks job submitted to it.</summary>
public sealed class RestNode : IDisposable
{
    private RestNode(CliProcess process, int akkaPort, int restPort, string jobId)
    {
        Process = process;
        AkkaPort = akkaPort;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{restPort}/") };
        JobId = jobId;
    }

    public CliProcess Process { get; }

    public int AkkaPort { get; }

    public HttpClient Http { get; }

    /// <summary>The clicks job's id.</summary>
    public string JobId { get; }

    /// <summary>
    /// Starts a node (4 slots, SQLite state in <paramref name="temp"/>, REST with <paramref name="restArgs"/>) and submits
    /// clicks over <paramref name="input"/> at 500 records/s, parallelism 2, checkpoints every 300 ms.
    /// </summary>
    public static async Task<RestNode> StartWithClicksAsync(TempDirectory temp, IEnumerable<string> input, params string[] restArgs)
    {
        var file = temp.Combine("clicks.jsonl");
        ClickFile.Write(file, input);
        var node = await StartWithJobAsync(temp, restArgs, "clicks", "--input", file, "--output", temp.Combine("out"),
            "--rate", "500", "--checkpoint-interval", "300ms", "--parallelism", "2");
        node.Input = file;
        return node;
    }

    /// <summary>Starts a node as <see cref="StartWithClicksAsync"/> does and submits <c>run JOB ARGS --detached</c> to it.</summary>
    public static async Task<RestNode> StartWithJobAsync(TempDirectory temp, string[] restArgs, params string[] run)
    {
        var (akkaPort, restPort) = (FreePort(), FreePort());
        var process = CliProcess.Start(["node", "--port", $"{akkaPort}", "--slots", "4", "--state-db", temp.Combine("state.db"),
            "--rest-port", $"{restPort}", .. restArgs]);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!process.Output.Contains("REST API on") && DateTime.UtcNow < deadline && !process.HasExited)
            await Task.Delay(100);
        var submitted = await CliRun.InvokeAsync(["run", run[0], "--cluster", $"127.0.0.1:{akkaPort}", .. run[1..], "--detached"]);
        Assert.True(submitted.ExitCode == 0, submitted + process.Output);
        using var http = new HttpClient();
        var jobs = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{restPort}/jobs/overview")).RootElement.GetProperty("jobs");
        return new RestNode(process, akkaPort, restPort, jobs[0].GetProperty("jid").GetString()!) { Submitted = submitted.ToString() };
    }

    /// <summary>The clicks file the job reads.</summary>
    public string Input { get; private set; } = "";

    /// <summary>What the submitting CLI printed.</summary>
    public string Submitted { get; private init; } = "";

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Http.Dispose();
        Process.Dispose();
    }
}
