using ActorStream.Graph.Serialization;
using ActorStream.Graph.State;
using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Operators.Windowing;

/// <summary>
/// Keyed state scoped to the current key and to the window <c>window()</c> returns (Flink's per-window state
/// namespaces): trigger state and a process window function's window state. Each state is a map state
/// window → value in the keyed backend, named <c>prefix + descriptor name</c>, written with the descriptor's serializer.
/// </summary>
internal sealed class WindowStateStore<W>(IKeyedStateStore backend, string prefix, Func<W> window) : IKeyedStateStore
    where W : Window
{
    private readonly Dictionary<string, object> _handles = new(StringComparer.Ordinal);

    public IValueState<T> GetState<T>(ValueStateDescriptor<T> descriptor) =>
        Handle(descriptor, () => new NamespacedValueState<W, T>(Table(descriptor, descriptor.Serializer), window, descriptor.DefaultValue));

    public IListState<T> GetListState<T>(ListStateDescriptor<T> descriptor) =>
        Handle(descriptor, () => new NamespacedListState<W, T>(Table(descriptor, ListOf(descriptor.Serializer)), window));

    public IMapState<TKey, TValue> GetMapState<TKey, TValue>(MapStateDescriptor<TKey, TValue> descriptor) where TKey : notnull =>
        Handle(descriptor, () => new NamespacedMapState<W, TKey, TValue>(Table(descriptor, MapOf(descriptor)), window));

    public IReducingState<T> GetReducingState<T>(ReducingStateDescriptor<T> descriptor) =>
        Handle(descriptor, () => new NamespacedReducingState<W, T>(Table(descriptor, descriptor.Serializer), window, descriptor.Reducer));

    public IAggregatingState<TIn, TOut> GetAggregatingState<TIn, TAcc, TOut>(AggregatingStateDescriptor<TIn, TAcc, TOut> descriptor) =>
        Handle(descriptor, () => new NamespacedAggregatingState<W, TIn, TAcc, TOut>(Table(descriptor, descriptor.Serializer), window, descriptor.Function));

    /// <summary>Folds the reducing state of <paramref name="sources"/> into <paramref name="target"/>.</summary>
    public void Merge<T>(ReducingStateDescriptor<T> descriptor, W target, IEnumerable<W> sources) =>
        Table(descriptor, descriptor.Serializer).Merge(target, sources, descriptor.Reducer);

    /// <summary>Appends the list state of <paramref name="sources"/> to <paramref name="target"/>'s.</summary>
    public void Merge<T>(ListStateDescriptor<T> descriptor, W target, IEnumerable<W> sources) =>
        Table(descriptor, ListOf(descriptor.Serializer)).Merge(target, sources, (a, b) =>
        {
            a.AddRange(b);
            return a;
        });

    /// <summary>Merges the accumulators of <paramref name="sources"/> into <paramref name="target"/>'s.</summary>
    public void Merge<TIn, TAcc, TOut>(AggregatingStateDescriptor<TIn, TAcc, TOut> descriptor, W target, IEnumerable<W> sources) =>
        Table(descriptor, descriptor.Serializer).Merge(target, sources, descriptor.Function.Merge);

    private NamespacedTable<W, TValue> Table<TValue>(StateDescriptor descriptor, ITypeSerializer<TValue>? serializer) =>
        new(backend.GetMapState(new MapStateDescriptor<W, TValue>(prefix + descriptor.Name) { Serializer = serializer }));

    private static ListSerializer<T>? ListOf<T>(ITypeSerializer<T>? element) => element is null ? null : new(element);

    private static DictionarySerializer<TKey, TValue>? MapOf<TKey, TValue>(MapStateDescriptor<TKey, TValue> descriptor) where TKey : notnull =>
        descriptor.KeySerializer is null && descriptor.Serializer is null
            ? null
            : new(descriptor.KeySerializer ?? TypeSerializers.Get<TKey>(), descriptor.Serializer ?? TypeSerializers.Get<TValue>());

    private THandle Handle<THandle>(StateDescriptor descriptor, Func<THandle> create) where THandle : class
    {
        if (_handles.TryGetValue(descriptor.Name, out var existing))
            return existing as THandle ?? throw new InvalidOperationException(
                $"Window state '{descriptor.Name}' was registered before with another kind or type.");
        var handle = create();
        _handles.Add(descriptor.Name, handle);
        return handle;
    }
}
