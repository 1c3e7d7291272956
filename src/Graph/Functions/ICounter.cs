namespace ActorStream.Graph;

/// <summary>A named, subtask-local counter; the job result holds the sum over all subtasks.</summary>
public interface ICounter
{
    /// <summary>The current count of this subtask.</summary>
    long Count { get; }

    /// <summary>Adds <paramref name="delta"/> (default 1).</summary>
    void Add(long delta = 1);
}
