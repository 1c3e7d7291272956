using System.Runtime.CompilerServices;
using ActorStream.Graph.Sinks;

namespace ActorStream.Graph;

/// <summary>
/// The results of a collected stream as the job produces them (Flink's CollectResultIterator): enumerate it once with
/// <c>await foreach</c>. Between the sink subtasks and the caller sits a buffer of at most
/// <see cref="CollectOptions.BufferSize"/> records; a slow caller back-pressures the job. Leaving the enumeration before
/// the job ended (break, an exception, cancellation) cancels the job and waits until it stopped; a job failure is thrown
/// by the enumeration after the records that arrived before it.
/// </summary>
public sealed class CollectResultStream<T> : IAsyncEnumerable<T>, IJobAttachment
{
    private readonly CollectBuffer<T> _buffer;
    private readonly TaskCompletionSource<IJobClient> _job = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<CancellationToken, Task>? _start;
    private readonly CancellationToken _cancellation;
    private int _enumerated;

    internal CollectResultStream(CollectBuffer<T> buffer, Func<CancellationToken, Task>? start, CancellationToken cancellation)
    {
        _buffer = buffer;
        _start = start;
        _cancellation = cancellation;
    }

    /// <summary>The most records held between the sink and the caller.</summary>
    public int BufferSize => _buffer.Capacity;

    /// <summary>Records waiting in the buffer now.</summary>
    public int Buffered => _buffer.Reader.Count;

    /// <summary>The most records the buffer held at once so far (never above <see cref="BufferSize"/>).</summary>
    public int MaxBuffered => _buffer.MaxBuffered;

    /// <summary>Records handed to the buffer so far (read by the caller or waiting).</summary>
    public long Released => _buffer.Released;

    /// <summary>The job, once it was submitted; null before.</summary>
    public IJobClient? JobClient => _job.Task.IsCompletedSuccessfully ? _job.Task.Result : null;

    /// <inheritdoc />
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) == 1)
            throw new InvalidOperationException("A collected stream can be enumerated once: its records are handed over as the job produces them.");
        return ReadAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
    }

    /// <inheritdoc />
    void IJobAttachment.Submitting() => _buffer.MarkSubmitted();

    /// <inheritdoc />
    void IJobAttachment.Attach(IJobClient client)
    {
        _job.TrySetResult(client);
        _ = client.Completion.ContinueWith(ended => _buffer.Complete(ended.Exception?.InnerException ??
            (ended.IsCanceled ? new OperationCanceledException($"Job {client.JobId} was cancelled.") : null)), TaskScheduler.Default);
        if (_buffer.IsClosed)
            _ = client.CancelAsync(CancellationToken.None); // the caller left before the job started
    }

    /// <inheritdoc />
    void IJobAttachment.Fail(Exception error)
    {
        _job.TrySetException(error);
        _buffer.Complete(error);
    }

    private async IAsyncEnumerable<T> ReadAsync([EnumeratorCancellation] CancellationToken enumeratorCancellation)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(enumeratorCancellation, _cancellation);
        var cancellationToken = linked.Token;
        try
        {
            if (_start is not null)
                await _start(cancellationToken).ConfigureAwait(false);
            var reader = _buffer.Reader;
            // Ends when the job finished and everything buffered was read; throws the job's failure the same way.
            while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (!cancellationToken.IsCancellationRequested && reader.TryRead(out var record))
                    yield return record;
            }
        }
        finally
        {
            await StopJobAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The caller stopped reading: a job still running is cancelled (its waiting sink writers let go first).</summary>
    private async Task StopJobAsync()
    {
        _buffer.Close();
        if (!_job.Task.IsCompletedSuccessfully)
            return; // not started (Attach cancels it if it starts later) or never will
        var client = _job.Task.Result;
        if (client.Completion.IsCompleted)
            return;
        try
        {
            await client.CancelAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception) when (client.Completion.IsCompleted)
        {
            // It ended on its own meanwhile.
        }
        await client.Completion.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
    }
}

/// <summary>Something that follows a job the environment submits next (a collected stream).</summary>
internal interface IJobAttachment
{
    /// <summary>The job is about to be submitted (its subtasks may start before the submission returns).</summary>
    void Submitting();

    /// <summary>The job was submitted.</summary>
    void Attach(IJobClient client);

    /// <summary>The job could not be submitted.</summary>
    void Fail(Exception error);
}
