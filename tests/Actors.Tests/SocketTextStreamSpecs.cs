using System.Net;
using System.Net.Sockets;
using System.Text;
using ActorStream.Actors.Tests.Support;
using ActorStream.Graph;

namespace ActorStream.Actors.Tests;

/// <summary>Jobs that read a socket text stream from a TCP server the test runs on 127.0.0.1.</summary>
public sealed class SocketTextStreamSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_job_should_count_the_words_of_the_lines_the_server_sent_and_finish_when_its_retries_are_used_up()
    {
        using var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();
        var port = ((IPEndPoint)server.LocalEndpoint).Port;
        var serving = Task.Run(async () =>
        {
            await ServeAsync(server, "to be or\nnot to be\n");
            await ServeAsync(server, "be quick"); // after the reconnect; a last line without its delimiter
            server.Stop();
        });
        var env = fixture.CreateEnvironment(parallelism: 2);

        var counts = await ReadAllAsync(env.SocketTextStream("127.0.0.1", port, maxRetries: 3, maxRetryBackoff: TimeSpan.FromMilliseconds(20))
            .FlatMap(line => line.Split(' '))
            .KeyBy(word => word)
            .Sum(_ => 1)
            .ExecuteAndCollectAsync("socket-word-count"));

        var finals = counts.GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Max(c => c.Value));
        Assert.Equal(new Dictionary<string, int> { ["to"] = 2, ["be"] = 3, ["or"] = 1, ["not"] = 1, ["quick"] = 1 }, finals);
        await serving;
    }

    [Fact]
    public async Task A_refused_connection_should_fail_the_job_naming_the_address()
    {
        var free = new TcpListener(IPAddress.Loopback, 0);
        free.Start();
        var port = ((IPEndPoint)free.LocalEndpoint).Port;
        free.Stop();
        var env = fixture.CreateEnvironment(parallelism: 1);
        env.SocketTextStream("127.0.0.1", port).Print();

        var error = await Assert.ThrowsAsync<JobExecutionException>(() => env.ExecuteAsync("socket-refused").WaitAsync(Patience));

        Assert.Contains($"could not connect to 127.0.0.1:{port}", error.InnerException?.Message ?? error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_failure_the_job_should_connect_again_and_read_on_without_the_lines_it_had_received()
    {
        using var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();
        var port = ((IPEndPoint)server.LocalEndpoint).Port;
        var serving = Task.Run(async () =>
        {
            using var first = await server.AcceptTcpClientAsync().WaitAsync(Patience);
            await first.GetStream().WriteAsync(Encoding.UTF8.GetBytes("a\nb\nc\n"));
            await ServeAsync(server, "d\n"); // the restored source's connection; the first one is left open
            server.Stop();
        });
        var env = fixture.CreateEnvironment(parallelism: 1);
        env.EnableCheckpointing(TimeSpan.FromMilliseconds(100));
        env.RestartStrategy = RestartStrategy.FixedDelay(3, TimeSpan.FromMilliseconds(100));
        var failed = 0;
        var results = env.SocketTextStream("127.0.0.1", port, maxRetries: 2, maxRetryBackoff: TimeSpan.FromMilliseconds(20))
            .Map(line => line == "c" && Interlocked.Exchange(ref failed, 1) == 0 ? throw new InvalidOperationException("injected failure") : line)
            .ExecuteAndCollectAsync("socket-restart");

        var lines = await ReadAllAsync(results);

        Assert.Equal(1, (await results.JobClient!.Completion).Restarts);
        Assert.Equal("d", lines[^1]); // read on the new connection
        Assert.DoesNotContain("c", lines); // received before the failure, never replayed: at most once
        Assert.Equal(lines.Distinct(), lines);
        await serving;
    }

    private static async Task ServeAsync(TcpListener server, string text)
    {
        using var client = await server.AcceptTcpClientAsync().WaitAsync(Patience);
        await client.GetStream().WriteAsync(Encoding.UTF8.GetBytes(text));
        client.Client.Shutdown(SocketShutdown.Send);
    }

    private static async Task<List<T>> ReadAllAsync<T>(IAsyncEnumerable<T> results)
    {
        using var deadline = new CancellationTokenSource(Patience);
        var collected = new List<T>();
        await foreach (var x in results.WithCancellation(deadline.Token))
            collected.Add(x);
        return collected;
    }
}
