namespace ActorStream.Examples.Common;

/// <summary>A malformed input line and why it was rejected, written as {"line": ..., "error": ...}.</summary>
public sealed record DeadLetter(string Line, string Error);
