using ActorStream.Graph.Serialization;
using ActorStream.Graph.State;

namespace ActorStream.Graph;

/// <summary>One subtask's copy of a broadcast state map, written to checkpoints as a whole.</summary>
internal sealed class HeapBroadcastState<TKey, TValue>(MapStateDescriptor<TKey, TValue> descriptor)
    : IBroadcastState<TKey, TValue>, IBroadcastStateHandle where TKey : notnull
{
    private readonly DictionarySerializer<TKey, TValue> _serializer = new(
        descriptor.KeySerializer ?? TypeSerializers.Get<TKey>(), descriptor.Serializer ?? TypeSerializers.Get<TValue>());

    private Dictionary<TKey, TValue> _map = [];

    public string MapType => TypeIdentity.Of<Dictionary<TKey, TValue>>();

    public TValue? Get(TKey key) => _map.TryGetValue(key, out var value) ? value : default;

    public bool Contains(TKey key) => _map.ContainsKey(key);

    public IEnumerable<KeyValuePair<TKey, TValue>> Entries() => _map;

    public void Put(TKey key, TValue value) => _map[key] = value;

    public void Remove(TKey key) => _map.Remove(key);

    public void Clear() => _map.Clear();

    public void Write(BinaryWriter writer) => _serializer.Serialize(_map, writer);

    public void Read(BinaryReader reader) => _map = _serializer.Deserialize(reader) ?? [];
}
