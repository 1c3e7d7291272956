using ActorStream.Examples.Clicks;
using ActorStream.Graph;
using ActorStream.Graph.State;
using ActorStream.Graph.Windowing;

namespace ActorStream.Examples.Demo;

/// <summary>
/// Emits an item's totals of a window once, when the watermark has passed the window's end, and its early
/// (partial) totals while the window is still open to the <see cref="Early"/> side output.
/// </summary>
public sealed class WindowResultsFunction : ProcessWindowFunction<ActionTotals, ItemWindowTotals, string, TimeWindow>
{
    /// <summary>The side output of early totals of windows that are still open.</summary>
    public static readonly OutputTag<ItemWindowTotals> Early = new("early-window-totals");

    private static readonly ValueStateDescriptor<bool> FinalEmitted = new("final-emitted");

    /// <inheritdoc />
    public override void Process(string key, Context context, IEnumerable<ActionTotals> elements, ICollector<ItemWindowTotals> output)
    {
        var totals = ItemWindowTotals.Of(key, context.Window, elements.Single());
        if (context.CurrentWatermark < context.Window.MaxTimestamp)
        {
            context.Output(Early, totals);
            return;
        }
        // At the end of input the watermark jumps past all of an open window's pending early timers at once,
        // and each of them fires after the window's end: only the first firing is the final result.
        var emitted = context.WindowState.GetState(FinalEmitted);
        if (emitted.Value())
            return;
        emitted.Update(true);
        output.Collect(totals);
    }

    /// <inheritdoc />
    public override void Clear(Context context) => context.WindowState.GetState(FinalEmitted).Clear();
}
