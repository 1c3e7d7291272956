namespace ActorStream.Bench.Nexmark.Queries;

/// <summary>A row of q3: <c>name, city, state, id</c>, a seller in Oregon, Idaho or California and its auction in category 10.</summary>
/// <param name="Name">The seller's name.</param>
/// <param name="City">The seller's city.</param>
/// <param name="State">The seller's state.</param>
/// <param name="Id">The auction's id.</param>
public sealed record Q3Result(string Name, string City, string State, long Id);
