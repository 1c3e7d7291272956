namespace ActorStream.Actors.Checkpointing;

/// <summary>Counts checkpoint failures in a row and says when they are no longer tolerable (Flink's CheckpointFailureManager).</summary>
internal sealed class CheckpointFailureManager(int tolerableFailures)
{
    /// <summary>Failures since the last completed checkpoint.</summary>
    public int ConsecutiveFailures { get; private set; }

    /// <summary>All failures of this job.</summary>
    public int TotalFailures { get; private set; }

    /// <summary>Records a failure; true when the job must fail because of it.</summary>
    public bool OnFailure()
    {
        ConsecutiveFailures++;
        TotalFailures++;
        return ConsecutiveFailures > tolerableFailures;
    }

    /// <summary>A checkpoint completed: the count in a row starts over.</summary>
    public void OnSuccess() => ConsecutiveFailures = 0;
}
