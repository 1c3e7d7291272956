using ActorStream.Examples.Clicks;
using ActorStream.Examples.Common;
using ActorStream.Graph;

namespace ActorStream.Examples.Demo;

/// <summary>Passes valid click events on and sends malformed ones, with the reason, to the <see cref="Rejected"/> side output, counting both.</summary>
public sealed class CleanClicks : ProcessFunction<ClickEvent, ClickEvent>
{
    /// <summary>The side output of malformed events: the event as JSON and why it was rejected.</summary>
    public static readonly OutputTag<DeadLetter> Rejected = new("rejected");

    /// <summary>The counter of events passed on.</summary>
    public const string ValidCounter = "valid-events";

    /// <summary>The counter of events rejected.</summary>
    public const string RejectedCounter = "rejected-events";

    private ICounter _valid = null!;
    private ICounter _rejected = null!;

    /// <summary>True when <paramref name="e"/> names a user and an item, has a known action and a non-negative price.</summary>
    public static bool IsValid(ClickEvent e) => Problem(e) is null;

    /// <summary>Why <paramref name="e"/> is malformed, or null when it is valid.</summary>
    public static string? Problem(ClickEvent e) =>
        string.IsNullOrEmpty(e.User) ? "no user"
        : string.IsNullOrEmpty(e.Item) ? "no item"
        : e.Price < 0 ? $"negative price {e.Price.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
        : !ClickEvent.IsKnownAction(e.Action) ? $"unknown action '{e.Action}'"
        : null;

    /// <inheritdoc />
    public override void Open()
    {
        _valid = RuntimeContext.GetCounter(ValidCounter);
        _rejected = RuntimeContext.GetCounter(RejectedCounter);
    }

    /// <inheritdoc />
    public override void ProcessElement(ClickEvent value, Context context, ICollector<ClickEvent> output)
    {
        if (Problem(value) is not { } problem)
        {
            _valid.Add();
            output.Collect(value);
            return;
        }
        _rejected.Add();
        context.Output(Rejected, new DeadLetter(DemoJson.Encode(value), problem));
    }
}
