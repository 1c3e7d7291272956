using System.Net.Sockets;
using System.Threading.Channels;

namespace ActorStream.Graph.Sources;

/// <summary>
/// Reads a <see cref="SocketTextSource"/>. The socket is read on a background task into a bounded buffer of lines, so
/// the subtask never blocks on the network: a poll takes a buffered line or reports nothing available, and a full
/// buffer stops the background task from reading (TCP then holds the sender back). It has no position to snapshot.
/// </summary>
internal sealed class SocketTextReader : ISourceReader<string>
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly SocketTextSource _source;
    private readonly TimeProvider _time;
    private readonly Channel<string> _lines = Channel.CreateBounded<string>(
        new BoundedChannelOptions(SocketTextSource.BufferedLines) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _stop = new();
    private Task? _reading;

    public SocketTextReader(SocketTextSource source, TimeProvider time)
    {
        _source = source;
        _time = time;
    }

    public InputStatus PollNext(ISourceOutput<string> output)
    {
        _reading ??= Task.Run(() => ReadAsync(_stop.Token));
        if (_lines.Reader.TryRead(out var line))
        {
            output.Collect(line);
            return InputStatus.MoreAvailable;
        }
        if (!_lines.Reader.Completion.IsCompleted)
            return InputStatus.NothingAvailable;
        // The background task ended: a failure (e.g. a refused first connection) fails the subtask with its reason.
        _lines.Reader.Completion.GetAwaiter().GetResult();
        return InputStatus.EndOfInput;
    }

    /// <summary>Completes when a line is buffered or the input ended; a failure is not thrown here but by the next poll.</summary>
    public Task WaitForAvailabilityAsync(CancellationToken cancellationToken) =>
        _lines.Reader.WaitToReadAsync(cancellationToken).AsTask()
            .ContinueWith(_ => { }, cancellationToken, TaskContinuationOptions.None, TaskScheduler.Default);

    /// <summary>Nothing to keep: a restored reader connects again and reads what the server sends from then on.</summary>
    public byte[] SnapshotState(long checkpointId) => [];

    public void Dispose()
    {
        // Ends the background task's connect, read, write or delay; not disposed, as that task may still look at its token.
        _stop.Cancel();
    }

    /// <summary>The wait before the next attempt after <paramref name="failuresInARow"/> failed ones: doubling from 100 ms, capped.</summary>
    private TimeSpan RetryDelay(int failuresInARow) => TimeSpan.FromMilliseconds(Math.Min(
        FirstRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failuresInARow, 30)), _source.MaxRetryBackoff.TotalMilliseconds));

    /// <summary>Connects, reads until the connection closes, and connects again while retries are left.</summary>
    private async Task ReadAsync(CancellationToken stop)
    {
        var failuresInARow = 0;
        var connectedOnce = false;
        try
        {
            while (true)
            {
                try
                {
                    await ReadConnectionAsync(stop, () =>
                    {
                        connectedOnce = true;
                        failuresInARow = 0;
                    }).ConfigureAwait(false);
                }
                catch (SocketException e) when (e.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData)
                {
                    throw new IOException($"The socket text stream's host '{_source.Host}' is unknown ({e.Message}); check the host name.", e);
                }
                catch (SocketException e) when (!connectedOnce && !RetriesLeft(failuresInARow))
                {
                    throw new IOException($"The socket text stream could not connect to {_source.Host}:{_source.Port} ({e.SocketErrorCode}: {e.Message}). " +
                        "Start the server first (e.g. 'nc -lk " + _source.Port + "') or pass maxRetries (-1 retries forever).", e);
                }
                catch (Exception e) when (e is SocketException or IOException && !stop.IsCancellationRequested)
                {
                    // A refused connection or one that broke: try again below like a closed one.
                }
                if (!RetriesLeft(failuresInARow))
                    break;
                await Task.Delay(RetryDelay(failuresInARow++), _time, stop).ConfigureAwait(false);
            }
            _lines.Writer.TryComplete();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            _lines.Writer.TryComplete();
        }
        catch (Exception e)
        {
            _lines.Writer.TryComplete(e);
        }
    }

    private bool RetriesLeft(int failuresInARow) => _source.MaxRetries == -1 || failuresInARow < _source.MaxRetries;

    /// <summary>One connection: its lines go into the buffer (waiting while it is full); its partial last line too when it closes.</summary>
    private async Task ReadConnectionAsync(CancellationToken stop, Action connected)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_source.Host, _source.Port, stop).ConfigureAwait(false);
        connected();
        var stream = client.GetStream();
        var decoder = new DelimitedLineDecoder(_source.Delimiter);
        var buffer = new byte[8 * 1024];
        var complete = new List<string>();
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, stop).ConfigureAwait(false)) > 0)
            {
                decoder.Decode(buffer.AsSpan(0, read), complete);
                foreach (var line in complete)
                    await _lines.Writer.WriteAsync(line, stop).ConfigureAwait(false);
                complete.Clear();
            }
        }
        finally
        {
            // Closed or broken: what arrived of the last line is still a line (as Flink emits its buffer at the end).
            if (!stop.IsCancellationRequested && decoder.Finish() is { } last)
                await _lines.Writer.WriteAsync(last, stop).ConfigureAwait(false);
        }
    }
}
