using System.Text.Json.Serialization;

namespace ActorStream.Examples.Clicks;

/// <summary>
/// A shopper's action on a product page, as the JSON line {"user","item","action","price","ts"}: a click,
/// an add-to-cart or a purchase at <see cref="Price"/>, at <see cref="Ts"/> in epoch milliseconds.
/// Decoding requires item, action, price and ts with their types; the user is optional.
/// </summary>
public sealed record ClickEvent
{
    /// <summary>Viewing a product.</summary>
    public const string Click = "click";

    /// <summary>Adding a product to the cart.</summary>
    public const string Cart = "cart";

    /// <summary>Buying a product.</summary>
    public const string Buy = "buy";

    /// <summary>Who acted, if the feed knows; omitted from JSON when unknown, so an event is written back as it was read.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? User { get; init; }

    /// <summary>The product acted on.</summary>
    public required string Item { get; init; }

    /// <summary>One of <see cref="Click"/>, <see cref="Cart"/> and <see cref="Buy"/> in a well-formed event.</summary>
    public required string Action { get; init; }

    /// <summary>The product's price at the time of the event.</summary>
    public required decimal Price { get; init; }

    /// <summary>When the event happened, in epoch milliseconds (its event time).</summary>
    public required long Ts { get; init; }

    /// <summary>True for the three actions a shop records: click, cart and buy.</summary>
    public static bool IsKnownAction(string action) => action is Click or Cart or Buy;
}
