namespace ActorStream.Graph.Windowing;

/// <summary>
/// How the subtasks of a processing-time window operator shift their window starts against each other
/// (Flink's WindowStagger), so that not every subtask fires all its windows at the same instant.
/// </summary>
public enum WindowStagger
{
    /// <summary>No shift: every subtask's windows start at epoch + offset + k·size (the default).</summary>
    Aligned,

    /// <summary>
    /// A shift in [0, size) drawn per subtask. Unlike Flink's thread-local random it is derived from the subtask
    /// index alone, so subtask i staggers the same way in every run and after every restore.
    /// </summary>
    Random,

    /// <summary>A shift of the first element's processing time modulo size: the subtask's first window starts when its first element arrives.</summary>
    Natural,
}
