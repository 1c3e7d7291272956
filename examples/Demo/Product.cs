namespace ActorStream.Examples.Demo;

/// <summary>A product of the demo shop: its title, list price and how much likelier than average a view turns into a purchase.</summary>
public sealed record Product(string Name, decimal Price, double Conversion);
