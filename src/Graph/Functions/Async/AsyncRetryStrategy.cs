namespace ActorStream.Graph;

/// <summary>
/// When and after what delay the async operator calls the function again for an element (Flink's AsyncRetryStrategies):
/// a fixed delay or an exponential backoff, up to <see cref="MaxAttempts"/> attempts in all (the first one included).
/// By default an attempt is retried when it threw; <see cref="IfResult"/> also retries on results (say, an empty one),
/// <see cref="IfException"/> narrows which exceptions are retried. The element's timeout still counts from its first
/// attempt; when the attempts run out, the last results are emitted, or the last exception fails the job.
/// </summary>
public sealed record AsyncRetryStrategy<TOut>
{
    private AsyncRetryStrategy(int maxAttempts, TimeSpan initialDelay, TimeSpan maxDelay, double multiplier)
    {
        MaxAttempts = maxAttempts;
        InitialDelay = initialDelay;
        MaxDelay = maxDelay;
        Multiplier = multiplier;
    }

    /// <summary>The most attempts per element, the first one included (1: never retry).</summary>
    public int MaxAttempts { get; }

    /// <summary>The delay before the first retry.</summary>
    public TimeSpan InitialDelay { get; }

    /// <summary>The longest delay between attempts.</summary>
    public TimeSpan MaxDelay { get; }

    /// <summary>How much each delay grows over the previous one (1: fixed delay).</summary>
    public double Multiplier { get; }

    /// <summary>Retry when the results of an attempt satisfy this (none: results are never retried).</summary>
    public Func<IReadOnlyList<TOut>, bool>? ResultPredicate { get; private init; }

    /// <summary>Retry when an attempt threw an exception that satisfies this.</summary>
    public Func<Exception, bool> ExceptionPredicate { get; private init; } = RetryPredicates.HasException;

    /// <summary>Never retry.</summary>
    public static AsyncRetryStrategy<TOut> NoRetry { get; } = new(1, TimeSpan.Zero, TimeSpan.Zero, 1);

    /// <summary>Retries after the same <paramref name="delay"/> each time, up to <paramref name="maxAttempts"/> attempts in all.</summary>
    public static AsyncRetryStrategy<TOut> FixedDelay(int maxAttempts, TimeSpan delay)
    {
        Validate(maxAttempts, delay, nameof(delay));
        return new AsyncRetryStrategy<TOut>(maxAttempts, delay, delay, 1);
    }

    /// <summary>
    /// Retries after <paramref name="initialDelay"/>, then after each previous delay times <paramref name="multiplier"/>
    /// but never more than <paramref name="maxDelay"/>, up to <paramref name="maxAttempts"/> attempts in all.
    /// </summary>
    public static AsyncRetryStrategy<TOut> ExponentialBackoff(int maxAttempts, TimeSpan initialDelay, TimeSpan maxDelay, double multiplier)
    {
        Validate(maxAttempts, initialDelay, nameof(initialDelay));
        if (maxDelay < initialDelay)
            throw new ArgumentOutOfRangeException(nameof(maxDelay), maxDelay, $"The max delay must be at least the initial delay ({initialDelay}).");
        if (!(multiplier >= 1))
            throw new ArgumentOutOfRangeException(nameof(multiplier), multiplier, "The multiplier must be at least 1 (1 means a fixed delay).");
        return new AsyncRetryStrategy<TOut>(maxAttempts, initialDelay, maxDelay, multiplier);
    }

    /// <summary>Also retries when the results of an attempt satisfy <paramref name="predicate"/> (e.g. <see cref="RetryPredicates.EmptyResult{T}"/>).</summary>
    public AsyncRetryStrategy<TOut> IfResult(Func<IReadOnlyList<TOut>, bool> predicate) =>
        this with { ResultPredicate = predicate ?? throw new ArgumentNullException(nameof(predicate)) };

    /// <summary>Retries only the exceptions that satisfy <paramref name="predicate"/> (by default every exception).</summary>
    public AsyncRetryStrategy<TOut> IfException(Func<Exception, bool> predicate) =>
        this with { ExceptionPredicate = predicate ?? throw new ArgumentNullException(nameof(predicate)) };

    /// <summary>True when another attempt may follow <paramref name="attemptsMade"/> attempts.</summary>
    public bool CanRetry(int attemptsMade) => attemptsMade < MaxAttempts;

    /// <summary>The delay after attempt <paramref name="attemptsMade"/> (1 for the first) before the next one.</summary>
    public TimeSpan DelayAfter(int attemptsMade)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attemptsMade, 1);
        var delay = InitialDelay.TotalMilliseconds * Math.Pow(Multiplier, attemptsMade - 1);
        return delay >= MaxDelay.TotalMilliseconds ? MaxDelay : TimeSpan.FromMilliseconds(Math.Round(delay));
    }

    private static void Validate(int maxAttempts, TimeSpan delay, string delayName)
    {
        if (maxAttempts < 1)
            throw new ArgumentOutOfRangeException(nameof(maxAttempts), maxAttempts, "Max attempts counts the first attempt too, so it must be at least 1.");
        if (delay < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(delayName, delay, "A retry delay must not be negative.");
    }
}
