namespace ActorStream.Bench.Nexmark.Queries;

/// <summary>A row of q8: <c>id, name, stime</c>, a new person who opened an auction in the same 10 s window.</summary>
/// <param name="Id">The person's id.</param>
/// <param name="Name">The person's name.</param>
/// <param name="Stime">The window's start, in epoch milliseconds.</param>
public sealed record Q8Result(long Id, string Name, long Stime);
