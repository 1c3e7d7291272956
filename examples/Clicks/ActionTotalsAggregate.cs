using ActorStream.Graph;

namespace ActorStream.Examples.Clicks;

/// <summary>Totals a window's click events incrementally, so a window keeps one <see cref="ActionTotals"/>, not its events.</summary>
public sealed class ActionTotalsAggregate : IAggregateFunction<ClickEvent, ActionTotals, ActionTotals>
{
    /// <inheritdoc />
    public ActionTotals CreateAccumulator() => ActionTotals.Empty;

    /// <inheritdoc />
    public ActionTotals Add(ClickEvent value, ActionTotals accumulator) => accumulator.Add(value);

    /// <inheritdoc />
    public ActionTotals GetResult(ActionTotals accumulator) => accumulator;

    /// <inheritdoc />
    public ActionTotals Merge(ActionTotals a, ActionTotals b) => a.Plus(b);
}
