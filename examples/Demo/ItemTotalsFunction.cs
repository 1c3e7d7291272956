using ActorStream.Graph;

namespace ActorStream.Examples.Demo;

/// <summary>Keeps each item's totals in keyed state and emits the updated totals on every event.</summary>
public sealed class ItemTotalsFunction : KeyedProcessFunction<string, ClickEvent, ItemTotals>
{
    private IValueState<ItemTotals?> _totals = null!;

    /// <inheritdoc />
    public override void Open() => _totals = RuntimeContext.GetState(new ValueStateDescriptor<ItemTotals?>("item-totals"));

    /// <inheritdoc />
    public override void ProcessElement(ClickEvent value, Context context, ICollector<ItemTotals> output)
    {
        var updated = (_totals.Value() ?? ItemTotals.Empty(context.CurrentKey)).Add(value);
        _totals.Update(updated);
        output.Collect(updated);
    }
}
