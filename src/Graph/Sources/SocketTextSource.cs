namespace ActorStream.Graph.Sources;

/// <summary>
/// The lines a TCP server sends (Flink's socketTextStream): one subtask connects as a client to
/// <see cref="Host"/>:<see cref="Port"/>, decodes UTF-8 and splits at <see cref="Delimiter"/>. When the connection
/// closes or is refused it connects again, with a delay that doubles up to <see cref="MaxRetryBackoff"/>, at most
/// <see cref="MaxRetries"/> times in a row (-1: forever); then its input ends. At most once: its position is not
/// checkpointed, so lines received but not yet through a completed checkpoint are lost when the job fails, and a
/// restored job reads whatever the server sends after it connected again.
/// </summary>
public sealed class SocketTextSource : ISource<string>
{
    /// <summary>The default longest delay between two connection attempts.</summary>
    public static readonly TimeSpan DefaultMaxRetryBackoff = TimeSpan.FromSeconds(10);

    /// <summary>Lines read ahead of the subtask; beyond that the source stops reading and TCP holds the sender back.</summary>
    public const int BufferedLines = 1_024;

    /// <summary>Reads lines from <paramref name="host"/>:<paramref name="port"/>; see the type's summary for the retry rules.</summary>
    public SocketTextSource(string host, int port, char delimiter = '\n', int maxRetries = 0, TimeSpan? maxRetryBackoff = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        if (port is < 1 or > 65_535)
            throw new ArgumentOutOfRangeException(nameof(port), port, "The port of a socket text stream must be between 1 and 65535 (the port the server listens on).");
        if (maxRetries < -1)
            throw new ArgumentOutOfRangeException(nameof(maxRetries), maxRetries, "maxRetries must be -1 (retry forever), 0 (end when the connection closes) or more.");
        var backoff = maxRetryBackoff ?? DefaultMaxRetryBackoff;
        if (backoff <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(maxRetryBackoff), backoff, "maxRetryBackoff must be positive.");
        Host = host;
        Port = port;
        Delimiter = delimiter;
        MaxRetries = maxRetries;
        MaxRetryBackoff = backoff;
    }

    /// <summary>The server's host name or address.</summary>
    public string Host { get; }

    /// <summary>The server's port.</summary>
    public int Port { get; }

    /// <summary>The character that ends a line.</summary>
    public char Delimiter { get; }

    /// <summary>Connection attempts in a row after the connection closed or was refused before the input ends; -1 for no end.</summary>
    public int MaxRetries { get; }

    /// <summary>The longest delay between two connection attempts (the delay starts at 100 ms or less and doubles).</summary>
    public TimeSpan MaxRetryBackoff { get; }

    /// <inheritdoc />
    public Boundedness Boundedness => Boundedness.ContinuousUnbounded;

    /// <summary>One connection, one subtask, as Flink's non-parallel socket source.</summary>
    public int? MaxParallelism => 1;

    /// <inheritdoc />
    public ISourceReader<string> CreateReader(SourceReaderContext context)
    {
        if (context.Parallelism != 1)
            throw new InvalidOperationException($"A socket text stream reads one connection and runs at parallelism 1, not {context.Parallelism}; " +
                "rebalance after the source to spread its lines.");
        return new SocketTextReader(this, context.TimeProvider);
    }
}
