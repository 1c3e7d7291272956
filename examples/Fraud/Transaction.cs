namespace ActorStream.Examples.Fraud;

/// <summary>A card transaction: {"account", "amount", "ts"} with ts in epoch milliseconds.</summary>
public sealed record Transaction(string Account, decimal Amount, long Ts);
