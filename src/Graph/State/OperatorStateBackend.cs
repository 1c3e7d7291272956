using ActorStream.Graph.Serialization;

namespace ActorStream.Graph.State;

/// <summary>
/// The operator list states of one subtask's user function. A restore hands each state its share of the elements
/// every old subtask wrote (<see cref="OperatorStateMode"/>); elements stay serialized until the function registers
/// the state, which then reads them with its serializer. States restored but never registered again are dropped, as in Flink.
/// </summary>
internal sealed class OperatorStateBackend : IOperatorStateStore
{
    private readonly int _subtaskIndex;
    private readonly int _parallelism;
    private readonly Dictionary<string, IOperatorListState> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(OperatorStateBlob Blob, OperatorStateSection Section)>> _restored = new(StringComparer.Ordinal);

    /// <summary>Creates the store of subtask <paramref name="subtaskIndex"/> of <paramref name="parallelism"/> from the blobs of every old subtask.</summary>
    public OperatorStateBackend(int subtaskIndex, int parallelism, IReadOnlyList<byte[]> restored)
    {
        _subtaskIndex = subtaskIndex;
        _parallelism = parallelism;
        IsRestored = restored.Count > 0;
        foreach (var blob in restored.Select(OperatorStateBlob.Read).OrderBy(b => b.SubtaskIndex))
        {
            foreach (var section in blob.Sections)
            {
                if (!_restored.TryGetValue(section.Name, out var parts))
                    _restored.Add(section.Name, parts = []);
                parts.Add((blob, section));
            }
        }
    }

    /// <summary>True when the subtask was restored.</summary>
    public bool IsRestored { get; }

    /// <inheritdoc />
    public IReadOnlyCollection<string> RegisteredStateNames => _states.Keys;

    /// <inheritdoc />
    public IListState<T> GetListState<T>(ListStateDescriptor<T> descriptor) => GetOrCreate(descriptor, OperatorStateMode.SplitDistribute);

    /// <inheritdoc />
    public IListState<T> GetUnionListState<T>(ListStateDescriptor<T> descriptor) => GetOrCreate(descriptor, OperatorStateMode.Union);

    /// <summary>The blob of this subtask's registered states.</summary>
    public byte[] Snapshot() =>
        new OperatorStateBlob(_subtaskIndex, _parallelism, [.. _states.Values.Select(s => s.Snapshot())]).Write();

    private OperatorListState<T> GetOrCreate<T>(ListStateDescriptor<T> descriptor, OperatorStateMode mode)
    {
        if (descriptor.TtlConfig is not null)
            throw new InvalidOperationException(
                $"Operator state '{descriptor.Name}' has a time-to-live, but TTL applies to keyed state only; remove it from the descriptor.");
        var type = TypeIdentity.Of<T>();
        if (_states.TryGetValue(descriptor.Name, out var existing))
            return existing is OperatorListState<T> same && same.Mode == mode ? same : throw new InvalidOperationException(
                $"Operator state '{descriptor.Name}' was registered before as {existing.Mode} list state of {existing.Type}; " +
                "a name stands for one state.");
        var state = new OperatorListState<T>(descriptor.Name, mode, type, descriptor.Serializer ?? TypeSerializers.Get<T>());
        if (_restored.Remove(descriptor.Name, out var parts))
            state.Load(ShareOf(descriptor.Name, mode, type, parts));
        _states.Add(descriptor.Name, state);
        return state;
    }

    private IEnumerable<byte[]> ShareOf(string name, OperatorStateMode mode, string type, List<(OperatorStateBlob Blob, OperatorStateSection Section)> parts)
    {
        foreach (var (_, section) in parts)
        {
            if (section.Mode != mode || section.Type != type)
                throw new InvalidOperationException(
                    $"Cannot restore operator state '{name}': the checkpoint holds it as {section.Mode} list state of {section.Type}, " +
                    $"but the function registers it as {mode} list state of {type}. Register the new state under a new name.");
        }
        if (mode == OperatorStateMode.Union)
            return parts.SelectMany(p => p.Section.Elements);
        var oldParallelism = parts[0].Blob.Parallelism;
        if (oldParallelism == _parallelism)
            return parts.Where(p => p.Blob.SubtaskIndex == _subtaskIndex).SelectMany(p => p.Section.Elements);
        // Another parallelism: the elements of all old subtasks, in subtask order, cut into near-equal contiguous parts.
        var all = parts.SelectMany(p => p.Section.Elements).ToList();
        var start = (int)((long)all.Count * _subtaskIndex / _parallelism);
        var end = (int)((long)all.Count * (_subtaskIndex + 1) / _parallelism);
        return all.GetRange(start, end - start);
    }
}
