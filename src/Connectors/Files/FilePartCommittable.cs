namespace ActorStream.Connectors.Files;

/// <summary>
/// A closed part file waiting for its checkpoint: committing renames the hidden
/// <see cref="PendingFileName"/> to the visible <see cref="FinalFileName"/>, both in the sink's directory.
/// </summary>
public sealed record FilePartCommittable(string PendingFileName, string FinalFileName);
