using ActorStream.Graph;
using ActorStream.Graph.Windowing;

namespace ActorStream.Examples.Clicks;

/// <summary>Emits the item's window totals on every firing: on time, and again for each late event within the allowed lateness.</summary>
public sealed class ItemWindowFunction : ProcessWindowFunction<ActionTotals, ItemWindowTotals, string, TimeWindow>
{
    /// <inheritdoc />
    public override void Process(string key, Context context, IEnumerable<ActionTotals> elements, ICollector<ItemWindowTotals> output)
    {
        // Combined with an incremental aggregate, the window hands over exactly one accumulator.
        output.Collect(ItemWindowTotals.Of(key, context.Window, elements.Single()));
    }
}
