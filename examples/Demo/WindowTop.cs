namespace ActorStream.Examples.Demo;

/// <summary>The leading items of the event-time window [<paramref name="Start"/>, <paramref name="End"/>), best first.</summary>
public sealed record WindowTop(long Start, long End, IReadOnlyList<ItemTotals> Items);
