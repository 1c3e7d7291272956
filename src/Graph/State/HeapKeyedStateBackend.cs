using ActorStream.Graph.Keys;

namespace ActorStream.Graph.State;

/// <summary>
/// Keyed state of one operator subtask, in memory and organised by key group. The operator sets
/// the current key before it calls user code; state handles read and write that key's values.
/// </summary>
public sealed class HeapKeyedStateBackend<TKey> : IKeyedStateStore where TKey : notnull
{
    private readonly Dictionary<string, object> _states = new(StringComparer.Ordinal);

    /// <summary>Creates a backend for the key groups in <paramref name="groups"/>.</summary>
    public HeapKeyedStateBackend(KeyGroupRangeInfo groups) => Groups = groups;

    /// <summary>The key groups this backend owns.</summary>
    public KeyGroupRangeInfo Groups { get; }

    /// <summary>The key of the element being processed.</summary>
    public TKey CurrentKey { get; private set; } = default!;

    /// <summary>The local slot of the current key's key group.</summary>
    public int CurrentSlot { get; private set; }

    /// <summary>Scopes state access to <paramref name="key"/>.</summary>
    public void SetCurrentKey(TKey key)
    {
        var slot = Groups.SlotOf(KeyGroupRangeAssignment.AssignToKeyGroup(key, Groups.MaxParallelism));
        CurrentKey = key;
        CurrentSlot = slot;
    }

    /// <summary>The state tables registered so far, by name.</summary>
    public IEnumerable<IStateTable> Tables => _states.Values.Cast<IKeyedStateHandle>().Select(s => s.Table);

    /// <summary>Every key that holds a value in the state named <paramref name="stateName"/>.</summary>
    public IEnumerable<TKey> GetKeys(string stateName) =>
        _states.TryGetValue(stateName, out var state) ? ((IKeyedStateTable<TKey>)((IKeyedStateHandle)state).Table).Keys() : [];

    /// <inheritdoc />
    public IValueState<T> GetState<T>(ValueStateDescriptor<T> descriptor) =>
        GetOrCreate(descriptor, () => new HeapValueState<TKey, T>(this, descriptor));

    /// <inheritdoc />
    public IListState<T> GetListState<T>(ListStateDescriptor<T> descriptor) =>
        GetOrCreate(descriptor, () => new HeapListState<TKey, T>(this, descriptor.Name));

    /// <inheritdoc />
    public IMapState<TMapKey, TValue> GetMapState<TMapKey, TValue>(MapStateDescriptor<TMapKey, TValue> descriptor)
        where TMapKey : notnull =>
        GetOrCreate(descriptor, () => new HeapMapState<TKey, TMapKey, TValue>(this, descriptor.Name));

    /// <inheritdoc />
    public IReducingState<T> GetReducingState<T>(ReducingStateDescriptor<T> descriptor) =>
        GetOrCreate(descriptor, () => new HeapReducingState<TKey, T>(this, descriptor));

    /// <inheritdoc />
    public IAggregatingState<TIn, TOut> GetAggregatingState<TIn, TAcc, TOut>(
        AggregatingStateDescriptor<TIn, TAcc, TOut> descriptor) =>
        GetOrCreate(descriptor, () => new HeapAggregatingState<TKey, TIn, TAcc, TOut>(this, descriptor));

    private TState GetOrCreate<TState>(StateDescriptor descriptor, Func<TState> create) where TState : class
    {
        if (_states.TryGetValue(descriptor.Name, out var existing))
            return existing as TState ?? throw new InvalidOperationException(
                $"State '{descriptor.Name}' was registered before with another kind or type ({existing.GetType().Name}).");
        var state = create();
        _states.Add(descriptor.Name, state);
        return state;
    }
}
