using System.Text.Json.Serialization;

namespace ActorStream.Examples.Demo;

/// <summary>A shopper's action on a product page: a click, an add-to-cart or a purchase at <paramref name="Price"/>.</summary>
public sealed record ClickEvent(string User, string Item, string Action, decimal Price, long Ts)
{
    /// <summary>Viewing a product.</summary>
    public const string Click = "click";

    /// <summary>Adding a product to the cart.</summary>
    public const string Cart = "cart";

    /// <summary>Buying a product.</summary>
    public const string Buy = "buy";

    /// <summary>True when the event names a user and an item, has a known action and a non-negative price.</summary>
    [JsonIgnore]
    public bool IsValid =>
        !string.IsNullOrEmpty(User) && !string.IsNullOrEmpty(Item) && Price >= 0 && Action is Click or Cart or Buy;
}
