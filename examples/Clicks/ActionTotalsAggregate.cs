using ActorStream.Graph;

namespace ActorStream.Examples.Clicks;

/// <summary>
/// Totals a window's click events (what <paramref name="eventOf"/> finds in each input) incrementally, so a window
/// keeps one <see cref="ActionTotals"/>, not its events. A <see cref="FailureInjector"/> (test aid) makes it throw once.
/// </summary>
public sealed class ActionTotalsAggregate<TIn>(Func<TIn, ClickEvent> eventOf, FailureInjector? failures = null)
    : IAggregateFunction<TIn, ActionTotals, ActionTotals>
{
    /// <inheritdoc />
    public ActionTotals CreateAccumulator() => ActionTotals.Empty;

    /// <inheritdoc />
    public ActionTotals Add(TIn value, ActionTotals accumulator)
    {
        failures?.Count();
        return accumulator.Add(eventOf(value));
    }

    /// <inheritdoc />
    public ActionTotals GetResult(ActionTotals accumulator) => accumulator;

    /// <inheritdoc />
    public ActionTotals Merge(ActionTotals a, ActionTotals b) => a.Plus(b);
}
