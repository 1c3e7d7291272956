using ActorStream.Graph;

namespace ActorStream.Examples.Fraud;

/// <summary>
/// Flink's fraud-detection walkthrough in event time: a transaction below 1.00 arms the account;
/// if the account's next transaction is above 500.00 and less than a minute later, it raises an
/// alert. An event-time timer one minute after the small transaction disarms the account.
/// A <see cref="FailureInjector"/> (test aid) makes it throw once.
/// </summary>
public sealed class FraudDetector(FailureInjector? failures = null) : KeyedProcessFunction<string, Transaction, Alert>
{
    /// <summary>Transactions below this arm the account.</summary>
    public const decimal SmallAmount = 1.00m;

    /// <summary>Transactions above this, soon after a small one, raise an alert.</summary>
    public const decimal LargeAmount = 500.00m;

    /// <summary>How long an armed account stays armed, in milliseconds.</summary>
    public const long OneMinute = 60_000;

    private IValueState<long> _smallTs = null!;

    /// <inheritdoc />
    public override void Open() => _smallTs = RuntimeContext.GetState(new ValueStateDescriptor<long>("small-transaction-ts"));

    /// <inheritdoc />
    public override void ProcessElement(Transaction value, Context context, ICollector<Alert> output)
    {
        failures?.Count();
        if (_smallTs.TryGetValue(out var smallTs))
        {
            // Only the next transaction after a small one counts, whatever its amount.
            if (value.Amount > LargeAmount && value.Ts - smallTs < OneMinute)
                output.Collect(new Alert(value.Account, smallTs, value.Ts, value.Amount));
            context.TimerService.DeleteEventTimeTimer(smallTs + OneMinute);
            _smallTs.Clear();
        }
        if (value.Amount < SmallAmount)
        {
            _smallTs.Update(value.Ts);
            context.TimerService.RegisterEventTimeTimer(value.Ts + OneMinute);
        }
    }

    /// <inheritdoc />
    public override void OnTimer(long timestamp, OnTimerContext context, ICollector<Alert> output) => _smallTs.Clear();
}
