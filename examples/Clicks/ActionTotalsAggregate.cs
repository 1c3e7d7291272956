using ActorStream.Graph;

namespace ActorStream.Examples.Clicks;

/// <summary>
/// Totals a window's click events incrementally, so a window keeps one <see cref="ActionTotals"/>, not its events.
/// A <see cref="FailureInjector"/> (test aid) makes it throw once.
/// </summary>
public sealed class ActionTotalsAggregate(FailureInjector? failures = null) : IAggregateFunction<ClickEvent, ActionTotals, ActionTotals>
{
    /// <inheritdoc />
    public ActionTotals CreateAccumulator() => ActionTotals.Empty;

    /// <inheritdoc />
    public ActionTotals Add(ClickEvent value, ActionTotals accumulator)
    {
        failures?.Count();
        return accumulator.Add(value);
    }

    /// <inheritdoc />
    public ActionTotals GetResult(ActionTotals accumulator) => accumulator;

    /// <inheritdoc />
    public ActionTotals Merge(ActionTotals a, ActionTotals b) => a.Plus(b);
}
