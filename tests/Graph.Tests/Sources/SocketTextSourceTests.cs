using System.Net;
using System.Net.Sockets;
using System.Text;
using ActorStream.Graph.Sources;

namespace ActorStream.Graph.Tests.Sources;

/// <summary>The socket text source against a TCP server the test runs on 127.0.0.1.</summary>
public sealed class SocketTextSourceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan FastRetries = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task Reader_should_emit_the_lines_in_order_and_the_partial_last_line_when_the_server_closes()
    {
        using var server = Listen(out var port);
        var serving = ServeAsync(server, [Encoding.UTF8.GetBytes("alpha\nbeta\r\ngr"), [0xC3], [0xBC, (byte)'n', (byte)'\n'], Encoding.UTF8.GetBytes("last, no end")]);
        using var reader = Reader(port);

        var lines = await ReadToEndAsync(reader);

        Assert.Equal(["alpha", "beta", "grün", "last, no end"], lines);
        await serving;
    }

    [Fact]
    public async Task Reader_should_split_at_another_delimiter_and_keep_carriage_returns_there()
    {
        using var server = Listen(out var port);
        var serving = ServeAsync(server, [Encoding.UTF8.GetBytes("a;b\r;;c")]);
        using var reader = Reader(port, delimiter: ';');

        Assert.Equal(["a", "b\r", "", "c"], await ReadToEndAsync(reader));
        await serving;
    }

    [Fact]
    public async Task Reader_should_connect_again_after_the_server_dropped_the_connection_and_end_when_its_retries_are_used_up()
    {
        using var server = Listen(out var port);
        var serving = Task.Run(async () =>
        {
            await ServeAsync(server, [Encoding.UTF8.GetBytes("one\ntwo\n")]);
            await ServeAsync(server, [Encoding.UTF8.GetBytes("three\n")]); // the reader's second connection
            server.Stop(); // later attempts are refused: after maxRetries of them in a row the input ends
        });
        using var reader = Reader(port, maxRetries: 2);

        var lines = await ReadToEndAsync(reader);

        Assert.Equal(["one", "two", "three"], lines);
        await serving;
    }

    [Fact]
    public async Task Reader_should_retry_a_refused_connection_until_the_server_is_up()
    {
        var port = FreePort();
        using var reader = Reader(port, maxRetries: -1);
        var output = new Lines();
        Assert.Equal(InputStatus.NothingAvailable, reader.PollNext(output)); // starts connecting: refused, retrying

        using var server = new TcpListener(IPAddress.Loopback, port);
        server.Start();
        await ServeAsync(server, [Encoding.UTF8.GetBytes("late\n")]);
        await ReadAsync(reader, output, 1);

        Assert.Equal(["late"], output.Values);
    }

    [Fact]
    public void Reader_should_fail_with_the_address_and_the_fix_when_the_first_connection_is_refused()
    {
        var port = FreePort();
        using var reader = Reader(port, maxRetries: 0);

        var error = Assert.Throws<IOException>(() => PollUntilDone(reader));

        Assert.Contains($"could not connect to 127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("maxRetries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_should_fail_naming_the_host_when_it_is_unknown()
    {
        using var reader = new SocketTextSource("no-such-host.invalid", 9999, maxRetries: -1).CreateReader(Context());

        var error = Assert.Throws<IOException>(() => PollUntilDone(reader));

        Assert.Contains("'no-such-host.invalid' is unknown", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65_536)]
    public void SocketTextStream_should_reject_a_port_outside_the_tcp_range(int port)
    {
        var env = StreamExecutionEnvironment.Create();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => env.SocketTextStream("localhost", port));

        Assert.Contains("between 1 and 65535", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SocketTextStream_should_reject_max_retries_below_minus_one()
    {
        var env = StreamExecutionEnvironment.Create();

        Assert.Throws<ArgumentOutOfRangeException>(() => env.SocketTextStream("localhost", 9999, maxRetries: -2));
    }

    [Fact]
    public void SocketTextStream_should_run_at_parallelism_one_whatever_the_default()
    {
        var env = StreamExecutionEnvironment.Create();
        env.Parallelism = 4;
        env.SocketTextStream("localhost", 9999).Print();

        var source = env.GetStreamGraph().Nodes.Single(n => n.Name.StartsWith("Socket Stream", StringComparison.Ordinal));

        Assert.Equal(1, source.Parallelism);
        Assert.Equal("Socket Stream(localhost:9999)", source.Name);
    }

    private static ISourceReader<string> Reader(int port, char delimiter = '\n', int maxRetries = 0) =>
        new SocketTextSource("127.0.0.1", port, delimiter, maxRetries, FastRetries).CreateReader(Context());

    private static SourceReaderContext Context() => new(0, 1, TimeProvider.System);

    private static TcpListener Listen(out int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return listener;
    }

    private static int FreePort()
    {
        using var listener = Listen(out var port);
        listener.Stop();
        return port;
    }

    /// <summary>Accepts one connection, sends each chunk with its own write, and closes it.</summary>
    private static async Task ServeAsync(TcpListener server, IReadOnlyList<byte[]> chunks)
    {
        using var client = await server.AcceptTcpClientAsync().WaitAsync(Patience);
        var stream = client.GetStream();
        foreach (var chunk in chunks)
        {
            await stream.WriteAsync(chunk);
            await stream.FlushAsync();
        }
        client.Client.Shutdown(SocketShutdown.Send);
    }

    private static async Task<IReadOnlyList<string>> ReadToEndAsync(ISourceReader<string> reader)
    {
        var output = new Lines();
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            switch (reader.PollNext(output))
            {
                case InputStatus.EndOfInput:
                    return output.Values;
                case InputStatus.NothingAvailable:
                    await reader.WaitForAvailabilityAsync(CancellationToken.None).WaitAsync(Patience);
                    break;
            }
        }
        throw new TimeoutException($"The reader did not end; it read {output.Values.Count} lines.");
    }

    private static async Task ReadAsync(ISourceReader<string> reader, Lines output, int count)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (output.Values.Count < count && DateTime.UtcNow < deadline)
        {
            if (reader.PollNext(output) == InputStatus.NothingAvailable)
                await reader.WaitForAvailabilityAsync(CancellationToken.None).WaitAsync(Patience);
        }
    }

    private static void PollUntilDone(ISourceReader<string> reader)
    {
        var output = new Lines();
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline && reader.PollNext(output) != InputStatus.EndOfInput)
            reader.WaitForAvailabilityAsync(CancellationToken.None).Wait(Patience);
        throw new TimeoutException("The reader neither failed nor ended.");
    }

    private sealed class Lines : ISourceOutput<string>
    {
        private readonly List<string> _values = [];

        public IReadOnlyList<string> Values => _values;

        public void Collect(string value) => _values.Add(value);

        public void Collect(string value, long timestamp) => _values.Add(value);
    }
}
