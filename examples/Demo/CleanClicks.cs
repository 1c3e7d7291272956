using ActorStream.Examples.Clicks;
using ActorStream.Graph;

namespace ActorStream.Examples.Demo;

/// <summary>Passes valid click events on and sends malformed ones to the <see cref="Rejected"/> side output, counting both.</summary>
public sealed class CleanClicks : ProcessFunction<ClickEvent, ClickEvent>
{
    /// <summary>The side output of malformed events.</summary>
    public static readonly OutputTag<ClickEvent> Rejected = new("rejected");

    /// <summary>The counter of events passed on.</summary>
    public const string ValidCounter = "valid-events";

    /// <summary>The counter of events rejected.</summary>
    public const string RejectedCounter = "rejected-events";

    private ICounter _valid = null!;
    private ICounter _rejected = null!;

    /// <summary>True when <paramref name="e"/> names a user and an item, has a known action and a non-negative price.</summary>
    public static bool IsValid(ClickEvent e) =>
        !string.IsNullOrEmpty(e.User) && !string.IsNullOrEmpty(e.Item) && e.Price >= 0 && ClickEvent.IsKnownAction(e.Action);

    /// <inheritdoc />
    public override void Open()
    {
        _valid = RuntimeContext.GetCounter(ValidCounter);
        _rejected = RuntimeContext.GetCounter(RejectedCounter);
    }

    /// <inheritdoc />
    public override void ProcessElement(ClickEvent value, Context context, ICollector<ClickEvent> output)
    {
        if (IsValid(value))
        {
            _valid.Add();
            output.Collect(value);
            return;
        }
        _rejected.Add();
        context.Output(Rejected, value);
    }
}
