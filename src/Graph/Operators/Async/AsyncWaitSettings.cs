namespace ActorStream.Graph.Operators.Async;

/// <summary>How an async operator runs: output order, per-element timeout, in-flight capacity and retries.</summary>
internal sealed record AsyncWaitSettings<TOut>(AsyncOutputMode Mode, TimeSpan Timeout, int Capacity, AsyncRetryStrategy<TOut> Retry)
{
    /// <summary>Checks the values a user passed and names what to fix.</summary>
    public AsyncWaitSettings<TOut> Validated()
    {
        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout,
                "The async timeout must be positive, or Timeout.InfiniteTimeSpan for none.");
        if (Capacity < 1)
            throw new ArgumentOutOfRangeException(nameof(Capacity), Capacity,
                "The async capacity (the most elements in flight at once per subtask) must be at least 1.");
        ArgumentNullException.ThrowIfNull(Retry);
        return this;
    }

    /// <summary>True when elements time out.</summary>
    public bool HasTimeout => Timeout != System.Threading.Timeout.InfiniteTimeSpan;
}
