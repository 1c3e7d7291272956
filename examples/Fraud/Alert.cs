namespace ActorStream.Examples.Fraud;

/// <summary>A small transaction followed within a minute by a large one on the same account.</summary>
public sealed record Alert(string Account, long SmallTs, long LargeTs, decimal Amount);
