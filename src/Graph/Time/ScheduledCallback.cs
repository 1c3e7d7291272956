namespace ActorStream.Graph;

/// <summary>
/// A processing-time callback waiting in an <see cref="IProcessingTimeService"/>. Cancelling it means the
/// callback never runs; the service drops it and, when it was the earliest, re-arms its wake-up for the next.
/// </summary>
public sealed class ScheduledCallback : IDisposable
{
    private readonly Action<ScheduledCallback>? _onCancel;

    /// <summary>Creates a callback due at <paramref name="timestamp"/>; <paramref name="onCancel"/> tells the owning service.</summary>
    public ScheduledCallback(long timestamp, Action<long> onTime, Action<ScheduledCallback>? onCancel = null)
    {
        Timestamp = timestamp;
        OnTime = onTime;
        _onCancel = onCancel;
    }

    /// <summary>When the callback is due, in epoch milliseconds.</summary>
    public long Timestamp { get; }

    /// <summary>The callback.</summary>
    public Action<long> OnTime { get; }

    /// <summary>True once cancelled: the callback will not run.</summary>
    public bool IsCancelled { get; private set; }

    /// <summary>True once the callback ran.</summary>
    public bool HasRun { get; private set; }

    /// <summary>Cancels the callback unless it ran already.</summary>
    public void Cancel()
    {
        if (IsCancelled || HasRun)
            return;
        IsCancelled = true;
        _onCancel?.Invoke(this);
    }

    /// <summary>Same as <see cref="Cancel"/>.</summary>
    public void Dispose() => Cancel();

    /// <summary>Runs the callback at <paramref name="now"/> unless it was cancelled (the owning service calls this).</summary>
    public void Run(long now)
    {
        if (IsCancelled || HasRun)
            return;
        HasRun = true;
        OnTime(now);
    }
}
