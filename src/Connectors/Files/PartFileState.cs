namespace ActorStream.Connectors.Files;

/// <summary>The life of a part file, as in Flink's FileSink.</summary>
internal enum PartFileState
{
    /// <summary>Open for writing under its hidden name.</summary>
    InProgress,

    /// <summary>Closed and complete, still under its hidden name.</summary>
    Pending,

    /// <summary>Renamed to its final, visible name.</summary>
    Committed,
}
