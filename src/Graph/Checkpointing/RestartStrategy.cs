namespace ActorStream.Graph;

/// <summary>
/// What the job master does when a subtask fails (Flink's restart strategies). A restart redeploys
/// every subtask from the latest completed checkpoint; when the strategy gives up, the job fails
/// with the root cause.
/// </summary>
public abstract record RestartStrategy
{
    /// <summary>Never restart: the first failure fails the job.</summary>
    public static RestartStrategy None { get; } = new NoRestart();

    /// <summary>Restart up to <paramref name="attempts"/> times, waiting <paramref name="delay"/> before each.</summary>
    public static RestartStrategy FixedDelay(int attempts, TimeSpan delay) => new FixedDelayRestart(attempts, delay);

    /// <summary>Restart unless more than <paramref name="maxFailures"/> failures happen within <paramref name="interval"/>.</summary>
    public static RestartStrategy FailureRate(int maxFailures, TimeSpan interval, TimeSpan delay) =>
        new FailureRateRestart(maxFailures, interval, delay);

    /// <summary>
    /// Restart forever with a delay that starts at <paramref name="initial"/> and grows by
    /// <paramref name="multiplier"/> up to <paramref name="max"/>; a run longer than
    /// <paramref name="resetAfter"/> without failure resets the delay (the default with checkpointing).
    /// </summary>
    public static RestartStrategy ExponentialDelay(TimeSpan initial, TimeSpan max, double multiplier = 2.0,
        TimeSpan? resetAfter = null, double jitter = 0.1) =>
        new ExponentialDelayRestart(initial, max, multiplier, resetAfter ?? TimeSpan.FromHours(1), jitter);

    /// <summary>Flink's default when checkpointing is on: exponential delay from 1 s to 1 min.</summary>
    public static RestartStrategy DefaultWithCheckpointing { get; } =
        ExponentialDelay(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    public abstract RestartStrategy Validate();
}

/// <summary>See <see cref="RestartStrategy.None"/>.</summary>
public sealed record NoRestart : RestartStrategy
{
    /// <inheritdoc />
    public override RestartStrategy Validate() => this;
}

/// <summary>See <see cref="RestartStrategy.FixedDelay"/>.</summary>
public sealed record FixedDelayRestart(int Attempts, TimeSpan Delay) : RestartStrategy
{
    /// <inheritdoc />
    public override RestartStrategy Validate()
    {
        if (Attempts < 0)
            throw new ArgumentOutOfRangeException(nameof(Attempts), Attempts, "restart attempts must not be negative.");
        if (Delay < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(Delay), Delay, "restart delay must not be negative.");
        return this;
    }
}

/// <summary>See <see cref="RestartStrategy.FailureRate"/>.</summary>
public sealed record FailureRateRestart(int MaxFailures, TimeSpan Interval, TimeSpan Delay) : RestartStrategy
{
    /// <inheritdoc />
    public override RestartStrategy Validate()
    {
        if (MaxFailures < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxFailures), MaxFailures, "max failures per interval must be at least 1.");
        if (Interval <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(Interval), Interval, "failure-rate interval must be positive.");
        if (Delay < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(Delay), Delay, "restart delay must not be negative.");
        return this;
    }
}

/// <summary>See <see cref="RestartStrategy.ExponentialDelay"/>.</summary>
public sealed record ExponentialDelayRestart(TimeSpan Initial, TimeSpan Max, double Multiplier, TimeSpan ResetAfter, double Jitter)
    : RestartStrategy
{
    /// <inheritdoc />
    public override RestartStrategy Validate()
    {
        if (Initial < TimeSpan.Zero || Max < Initial)
            throw new ArgumentOutOfRangeException(nameof(Max), Max, "exponential delay needs 0 <= initial <= max.");
        if (Multiplier < 1)
            throw new ArgumentOutOfRangeException(nameof(Multiplier), Multiplier, "backoff multiplier must be at least 1.");
        if (Jitter is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(Jitter), Jitter, "jitter must be between 0 and 1.");
        return this;
    }
}
