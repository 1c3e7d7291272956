using System.Diagnostics;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.Serialization;

namespace ActorStream.Graph.Operators.Async;

/// <summary>
/// Runs an <see cref="IAsyncFunction{TIn, TOut}"/> with up to a capacity of elements in flight (Flink's
/// AsyncWaitOperator). Calls start on the subtask's thread; their completions come back through the subtask's
/// mailbox (<see cref="OperatorContext.Mailbox"/>), so the queue is only ever touched on the subtask's thread.
/// Ordered mode emits in input order; unordered mode emits as elements complete, but never across a watermark
/// (watermarks cut the queue into segments, as Flink's UnorderedStreamElementQueue). When the queue is full,
/// <see cref="ProcessElement"/> yields to the mailbox (blocking the subtask, which is backpressure) until an
/// element leaves; the end of input waits the same way for every element. At a barrier, the elements not yet
/// emitted go into the operator state; a restore issues them again.
/// </summary>
public sealed class AsyncWaitOperator<TIn, TOut> : UdfOperator<TIn, TOut, IAsyncFunction<TIn, TOut>>
{
    private readonly AsyncWaitSettings<TOut> _settings;
    private readonly LinkedList<AsyncQueueEntry<TIn, TOut>> _queue = new();
    private readonly ITypeSerializer<TIn> _serializer = TypeSerializers.Get<TIn>();
    private List<StreamRecord<TIn>> _restored = [];
    private int _elements; // elements in the queue, done or not: what the capacity bounds
    private long _firstSegment; // watermarks emitted so far
    private long _lastSegment; // watermarks queued so far
    private bool _closed;

    internal AsyncWaitOperator(IAsyncFunction<TIn, TOut> function, AsyncWaitSettings<TOut> settings) : base(function) =>
        _settings = settings.Validated();

    /// <summary>Elements in flight or completed but not yet emitted.</summary>
    public int InFlight => _elements;

    /// <summary>Keeps this subtask's share of the elements that were in flight at the restored checkpoint (and a checkpointed function's state).</summary>
    public override void InitializeOperatorState(IReadOnlyList<byte[]> restored)
    {
        (_restored, var functionStates) = AsyncInFlightState.ShareOf(restored, Context.SubtaskIndex, Context.Parallelism, _serializer);
        base.InitializeOperatorState(functionStates);
    }

    /// <summary>Opens the function, then issues the restored elements again.</summary>
    public override void Open()
    {
        base.Open();
        var restored = _restored;
        _restored = [];
        foreach (var record in restored)
            ProcessElement(record);
    }

    /// <inheritdoc />
    public override void ProcessElement(in StreamRecord<TIn> record)
    {
        // Flink's mailbox yield: the subtask takes no more input until an element leaves the queue.
        while (_elements >= _settings.Capacity)
            Context.Mailbox.Yield();
        var entry = AsyncQueueEntry<TIn, TOut>.ForElement(record.Value, record.Timestamp, _lastSegment);
        entry.Node = _queue.AddLast(entry);
        _elements++;
        if (_settings.HasTimeout)
        {
            entry.Deadline = Context.ProcessingTime.CurrentProcessingTime + (long)_settings.Timeout.TotalMilliseconds;
            entry.TimeoutTimer = Context.ProcessingTime.ScheduleAt(entry.Deadline, _ => OnTimeout(entry));
        }
        Attempt(entry);
    }

    /// <summary>Queues the watermark behind the elements before it; emits it at once when none is in flight.</summary>
    public override void ProcessWatermark(long watermark)
    {
        if (_queue.Last is not { } last)
        {
            Output.EmitWatermark(watermark);
            return;
        }
        if (last.Value.IsWatermark)
        {
            last.Value.Watermark = watermark; // nothing between them: the later watermark says all the earlier did
            return;
        }
        _queue.AddLast(AsyncQueueEntry<TIn, TOut>.ForWatermark(watermark, _lastSegment++));
    }

    /// <summary>The elements not yet emitted, in input order, completed or not: a restore issues them again.</summary>
    public override byte[]? SnapshotOperatorState(long checkpointId) =>
        AsyncInFlightState.Write([.. _queue.Where(e => !e.IsWatermark).Select(e => new StreamRecord<TIn>(e.Input, e.Timestamp))], _serializer,
            base.SnapshotOperatorState(checkpointId));

    /// <summary>Waits until every element in flight completed and was emitted.</summary>
    public override void EndInput()
    {
        while (_elements > 0)
            Context.Mailbox.Yield();
        Debug.Assert(_queue.Count == 0, "With no element left, every watermark has been emitted.");
    }

    /// <summary>Cancels the calls in flight and closes the function; late completions are ignored.</summary>
    public override void Close()
    {
        _closed = true;
        foreach (var entry in _queue)
        {
            entry.Cancellation?.Cancel();
            entry.CancelTimers();
        }
        base.Close();
    }

    private void Attempt(AsyncQueueEntry<TIn, TOut> entry)
    {
        var attempt = ++entry.Attempts;
        entry.Cancellation?.Dispose();
        entry.Cancellation = new CancellationTokenSource();
        Task<IEnumerable<TOut>> call;
        try
        {
            call = Function.InvokeAsync(entry.Input, entry.Cancellation.Token)
                ?? throw new InvalidOperationException("InvokeAsync returned null; return a task (Task.FromResult for a result at hand).");
        }
        catch (Exception ex)
        {
            call = Task.FromException<IEnumerable<TOut>>(ex);
        }
        if (call.IsCompleted)
        {
            OnAttemptCompleted(entry, attempt, call);
            return;
        }
        var mailbox = Context.Mailbox;
        // The continuation only posts: everything else happens on the subtask's thread.
        call.ContinueWith(done => mailbox.Post(() => OnAttemptCompleted(entry, attempt, done)),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void OnAttemptCompleted(AsyncQueueEntry<TIn, TOut> entry, int attempt, Task<IEnumerable<TOut>> call)
    {
        if (_closed || entry.IsDone || entry.Attempts != attempt)
            return; // timed out, or the operator closed
        var retry = _settings.Retry;
        if (call.IsCompletedSuccessfully)
        {
            IReadOnlyList<TOut> results = call.Result is { } values ? [.. values] : [];
            if (retry.ResultPredicate?.Invoke(results) == true && retry.CanRetry(attempt))
                ScheduleRetry(entry, attempt);
            else
                Complete(entry, results);
            return;
        }
        var error = call.Exception?.InnerException ?? new TaskCanceledException(call);
        if (retry.CanRetry(attempt) && retry.ExceptionPredicate(error))
        {
            ScheduleRetry(entry, attempt);
            return;
        }
        throw new InvalidOperationException(
            $"The async function of '{Context.OperatorName}' failed after {attempt} attempt{(attempt == 1 ? "" : "s")}: {error.GetType().Name}: {error.Message}",
            error);
    }

    private void ScheduleRetry(AsyncQueueEntry<TIn, TOut> entry, int attempt)
    {
        var due = Context.ProcessingTime.CurrentProcessingTime + (long)_settings.Retry.DelayAfter(attempt).TotalMilliseconds;
        if (due >= entry.Deadline)
            return; // the timeout comes first and decides
        entry.RetryTimer = Context.ProcessingTime.ScheduleAt(due, _ =>
        {
            if (!_closed && !entry.IsDone && entry.Attempts == attempt)
                Attempt(entry);
        });
    }

    private void OnTimeout(AsyncQueueEntry<TIn, TOut> entry)
    {
        if (_closed || entry.IsDone)
            return;
        var attempts = entry.Attempts++; // whatever the running attempt still returns is stale
        entry.Cancellation?.Cancel();
        IReadOnlyList<TOut> results;
        try
        {
            results = Function.Timeout(entry.Input) is { } values ? [.. values] : [];
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(
                $"Async operator '{Context.OperatorName}' timed out: an element did not complete within {_settings.Timeout.TotalMilliseconds:0.###} ms " +
                $"({attempts} attempt{(attempts == 1 ? "" : "s")}). Raise the timeout, or override Timeout(input) in the async function to emit a fallback.",
                ex);
        }
        Complete(entry, results);
    }

    private void Complete(AsyncQueueEntry<TIn, TOut> entry, IReadOnlyList<TOut> results)
    {
        entry.Complete(results);
        if (_settings.Mode == AsyncOutputMode.Unordered && entry.Segment == _firstSegment)
            Emit(entry);
        EmitReadyHead();
    }

    /// <summary>Emits from the head of the queue what may leave: completed elements (in order) and the watermarks after them.</summary>
    private void EmitReadyHead()
    {
        while (_queue.First is { } node)
        {
            var head = node.Value;
            if (head.IsWatermark)
            {
                _queue.RemoveFirst();
                _firstSegment++;
                Output.EmitWatermark(head.Watermark);
                if (_settings.Mode == AsyncOutputMode.Unordered)
                    EmitCompletedOfFirstSegment();
                continue;
            }
            if (!head.IsDone)
                return;
            Emit(head);
        }
    }

    /// <summary>Unordered: a new first segment lets its completed elements go.</summary>
    private void EmitCompletedOfFirstSegment()
    {
        var node = _queue.First;
        while (node is not null && !node.Value.IsWatermark)
        {
            var next = node.Next;
            if (node.Value.IsDone)
                Emit(node.Value);
            node = next;
        }
    }

    private void Emit(AsyncQueueEntry<TIn, TOut> entry)
    {
        _queue.Remove(entry.Node!);
        _elements--;
        foreach (var result in entry.Results!)
            Output.Collect(new StreamRecord<TOut>(result, entry.Timestamp));
    }
}
