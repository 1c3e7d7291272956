using ActorStream.Actors.Checkpointing;
using ActorStream.Actors.State;
using ActorStream.Graph.Keys;
using ActorStream.Graph.Operators;
using ActorStream.Graph.Plan;

namespace ActorStream.Actors.Subtasks;

/// <summary>
/// Loads a subtask's state from a completed checkpoint: reads every key group the subtask now owns
/// (for each operator of its chain that had keyed state) as of the checkpoint from the state store,
/// then hands blobs and operator states to the operators before they open. The key groups owned
/// depend on the new parallelism only, so rescaling needs nothing else.
/// </summary>
internal sealed class SubtaskRestorer
{
    private readonly CompletedCheckpoint? _checkpoint;
    private readonly Dictionary<string, (string Uid, int KeyGroup)> _requests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(int KeyGroup, IReadOnlyList<byte[]> Blobs)>> _blobs = new(StringComparer.Ordinal);

    public SubtaskRestorer(CompletedCheckpoint? checkpoint, JobVertex vertex, int subtaskIndex)
    {
        _checkpoint = checkpoint;
        if (checkpoint is null)
            return;
        foreach (var node in vertex.Chain)
        {
            if (!checkpoint.Operators.TryGetValue(node.Uid, out var state) || !state.Keyed)
                continue;
            var range = KeyGroupRangeAssignment.ComputeKeyGroupRangeForOperatorIndex(node.MaxParallelism, node.Parallelism, subtaskIndex);
            foreach (var keyGroup in range.KeyGroups)
                _requests[KeyGroupEntityId.For(checkpoint.JobName, node.Uid, keyGroup)] = (node.Uid, keyGroup);
        }
        Outstanding = _requests.Count;
    }

    /// <summary>The checkpoint restored from, or null on a fresh start.</summary>
    public long? CheckpointId => _checkpoint?.Id;

    /// <summary>The key-group entities whose state to read.</summary>
    public IReadOnlyCollection<string> EntityIds => _requests.Keys;

    /// <summary>Answers still missing.</summary>
    public int Outstanding { get; private set; }

    /// <summary>Keeps an answer; true when it was the last one.</summary>
    public bool OnRead(KeyGroupStateRead read)
    {
        if (!_requests.Remove(read.EntityId, out var target))
            return Outstanding == 0;
        if (read.Blobs is { } chain)
        {
            if (!_blobs.TryGetValue(target.Uid, out var list))
                _blobs.Add(target.Uid, list = []);
            list.Add((target.KeyGroup, chain));
        }
        return --Outstanding == 0;
    }

    /// <summary>Restores keyed and operator state into the chain's operators; call after setup and before open.</summary>
    public void Apply(IEnumerable<(StreamNode Node, IStreamOperator Operator)> operators)
    {
        foreach (var (node, op) in operators)
        {
            if (_blobs.TryGetValue(node.Uid, out var blobs))
            {
                var snapshots = op.KeyedStateSnapshots ?? throw new InvalidOperationException(
                    $"The checkpoint has keyed state for operator '{node.Name}' (uid '{node.Uid}'), but the operator has no keyed state now.");
                foreach (var (keyGroup, chain) in blobs)
                {
                    // The base, then each delta onto it.
                    foreach (var data in chain)
                        OperatorException.Guard(node.Name, () => snapshots.RestoreKeyGroup(keyGroup, data));
                }
            }
            IReadOnlyList<byte[]> states = _checkpoint?.Operators.TryGetValue(node.Uid, out var state) == true ? state.SubtaskStates : [];
            OperatorException.Guard(node.Name, () => op.InitializeOperatorState(states));
        }
    }
}
