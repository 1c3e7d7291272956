namespace ActorStream.Graph.Tests.TwoInput;

/// <summary>
/// The broadcast state pattern under test: keyed values alert above their key's broadcast threshold, each key counts
/// what it has seen, and a broadcast "report" element reports every key's count (and clears it, when asked).
/// </summary>
internal sealed class ThresholdAlerts(bool clearOnReport)
    : KeyedBroadcastProcessFunction<string, (string Key, int Value), (string Key, int Value), string>
{
    /// <summary>The broadcast thresholds by key.</summary>
    public static readonly MapStateDescriptor<string, int> Thresholds = new("thresholds");

    /// <summary>How many values each key has seen.</summary>
    public static readonly ValueStateDescriptor<int> Seen = new("seen");

    private IValueState<int> _seen = null!;

    public override void Open() => _seen = RuntimeContext.GetState(Seen);

    public override void ProcessElement((string Key, int Value) value, ReadOnlyContext context, ICollector<string> output)
    {
        _seen.Update(_seen.Value() + 1);
        var thresholds = context.GetBroadcastState(Thresholds);
        if (thresholds.Contains(context.CurrentKey) && value.Value > thresholds.Get(context.CurrentKey))
            output.Collect($"{context.CurrentKey}:{value.Value}>{thresholds.Get(context.CurrentKey)}");
    }

    public override void ProcessBroadcastElement((string Key, int Value) value, Context context, ICollector<string> output)
    {
        if (value.Key != "report")
        {
            context.GetBroadcastState(Thresholds).Put(value.Key, value.Value);
            return;
        }
        context.ApplyToKeyedState(Seen, (key, state) =>
        {
            output.Collect($"{key} seen {state.Value()}");
            if (clearOnReport)
                state.Clear();
        });
    }
}
