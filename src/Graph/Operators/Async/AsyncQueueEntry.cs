namespace ActorStream.Graph.Operators.Async;

/// <summary>
/// One place in an async operator's queue, in input order: an element in flight (or completed but not yet
/// emitted), or a watermark that waits for the elements before it.
/// </summary>
internal sealed class AsyncQueueEntry<TIn, TOut>
{
    private AsyncQueueEntry(TIn input, long timestamp, long watermark, long segment)
    {
        Input = input;
        Timestamp = timestamp;
        Watermark = watermark;
        Segment = segment;
    }

    /// <summary>An element, in the segment (the stretch between two watermarks) numbered <paramref name="segment"/>.</summary>
    public static AsyncQueueEntry<TIn, TOut> ForElement(TIn input, long timestamp, long segment) => new(input, timestamp, 0, segment)
    {
        IsWatermark = false,
    };

    /// <summary>A watermark, which closes segment <paramref name="segment"/>.</summary>
    public static AsyncQueueEntry<TIn, TOut> ForWatermark(long watermark, long segment) => new(default!, 0, watermark, segment)
    {
        IsWatermark = true,
    };

    /// <summary>True for a watermark, false for an element.</summary>
    public bool IsWatermark { get; private init; }

    /// <summary>The element.</summary>
    public TIn Input { get; }

    /// <summary>The element's timestamp, which its results carry.</summary>
    public long Timestamp { get; }

    /// <summary>The watermark (a later one replaces it while nothing follows it in the queue).</summary>
    public long Watermark { get; set; }

    /// <summary>The segment: unordered output emits an element only while its segment is the first.</summary>
    public long Segment { get; }

    /// <summary>The node of this entry in the queue, for removal in O(1).</summary>
    public LinkedListNode<AsyncQueueEntry<TIn, TOut>>? Node { get; set; }

    /// <summary>Attempts started so far; a completion of an earlier attempt is stale.</summary>
    public int Attempts { get; set; }

    /// <summary>Processing time at which the element times out (from its first attempt).</summary>
    public long Deadline { get; set; } = long.MaxValue;

    /// <summary>Cancels the running attempt's call.</summary>
    public CancellationTokenSource? Cancellation { get; set; }

    /// <summary>The element's timeout callback, cancelled when it completes earlier.</summary>
    public ScheduledCallback? TimeoutTimer { get; set; }

    /// <summary>The callback of a retry waiting for its delay.</summary>
    public ScheduledCallback? RetryTimer { get; set; }

    /// <summary>The results once the element completed (possibly by its timeout handler).</summary>
    public IReadOnlyList<TOut>? Results { get; private set; }

    /// <summary>True once the element completed; it waits for its turn to be emitted.</summary>
    public bool IsDone => Results is not null;

    /// <summary>Completes the element with <paramref name="results"/> and releases its cancellation.</summary>
    public void Complete(IReadOnlyList<TOut> results)
    {
        Results = results;
        Cancellation?.Dispose();
        Cancellation = null;
        CancelTimers();
    }

    /// <summary>Cancels the timeout and a waiting retry: neither has anything left to do.</summary>
    public void CancelTimers()
    {
        TimeoutTimer?.Cancel();
        RetryTimer?.Cancel();
    }
}
