using ActorStream.Graph.State;

namespace ActorStream.Graph;

/// <summary>
/// A user function (map, flatMap, filter, process, or a sink writer) with operator state of its own: Flink's
/// CheckpointedFunction. <see cref="InitializeState"/> runs once per subtask before <c>Open</c>, with the state of the
/// last checkpoint when the job restores; <see cref="SnapshotState"/> runs at each checkpoint barrier, after every
/// record before it, so that what the function writes into its operator state then is exactly what a restore hands back.
/// </summary>
public interface ICheckpointedFunction
{
    /// <summary>Registers the function's operator (and keyed) state and reads what a restore brought back.</summary>
    void InitializeState(IFunctionInitializationContext context);

    /// <summary>Writes the function's in-memory state into the states registered in <see cref="InitializeState"/>.</summary>
    void SnapshotState(IFunctionSnapshotContext context);
}

/// <summary>What <see cref="ICheckpointedFunction.InitializeState"/> can use.</summary>
public interface IFunctionInitializationContext
{
    /// <summary>True when the subtask restores from a checkpoint or savepoint.</summary>
    bool IsRestored { get; }

    /// <summary>The subtask's operator (non-keyed) state.</summary>
    IOperatorStateStore OperatorStateStore { get; }

    /// <summary>The keyed state on a keyed stream; null otherwise.</summary>
    IKeyedStateStore? KeyedStateStore { get; }
}

/// <summary>What <see cref="ICheckpointedFunction.SnapshotState"/> is told about the checkpoint.</summary>
public interface IFunctionSnapshotContext
{
    /// <summary>The checkpoint's id.</summary>
    long CheckpointId { get; }
}
