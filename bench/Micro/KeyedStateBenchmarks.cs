using ActorStream.Graph;
using ActorStream.Graph.Keys;
using ActorStream.Graph.State;
using BenchmarkDotNet.Attributes;

namespace ActorStream.Bench.Micro;

/// <summary>
/// <see cref="HeapKeyedStateBackend{TKey}"/> as a keyed operator uses it: set the current key, read and update a value
/// state (a per-key count, as q5 and q11 keep); and a checkpoint's <see cref="HeapKeyedStateBackend{TKey}.SnapshotKeyGroup"/>
/// of every key group, whole or (<see cref="HeapKeyedStateBackend{TKey}.SnapshotKeyGroupChanges"/>) as the delta after 1 % of
/// the keys changed.
/// </summary>
[MemoryDiagnoser]
public class KeyedStateBenchmarks
{
    private const int Updates = 100_000;

    private HeapKeyedStateBackend<long> _backend = null!;
    private IValueState<long> _count = null!;
    private long[] _keys = [];
    private HeapKeyedStateBackend<long> _tracked = null!;
    private IValueState<long> _trackedCount = null!;
    private long[] _changed = [];

    /// <summary>Distinct keys: 1,000 (q5's in-flight auctions are about 100) or 100,000.</summary>
    [Params(1_000, 100_000)]
    public int Keys { get; set; }

    /// <summary>A backend owning all 128 key groups, with one long value state holding a count for every key.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var maxParallelism = KeyGroupRangeAssignment.DefaultMaxParallelism;
        _backend = new HeapKeyedStateBackend<long>(new KeyGroupRangeInfo(new KeyGroupRange(0, maxParallelism - 1), maxParallelism));
        _count = _backend.GetState(new ValueStateDescriptor<long>("count"));
        var random = new Random(42);
        _keys = Enumerable.Range(0, Updates).Select(_ => (long)random.Next(Keys)).ToArray();
        for (long key = 0; key < Keys; key++)
        {
            _backend.SetCurrentKey(key);
            _count.Update(1);
        }
        // A second backend after its first (whole) checkpoint: it records which keys change, as every backend of a job with checkpoints does.
        _tracked = new HeapKeyedStateBackend<long>(new KeyGroupRangeInfo(new KeyGroupRange(0, maxParallelism - 1), maxParallelism));
        _trackedCount = _tracked.GetState(new ValueStateDescriptor<long>("count"));
        for (long key = 0; key < Keys; key++)
        {
            _tracked.SetCurrentKey(key);
            _trackedCount.Update(1);
        }
        for (var keyGroup = 0; keyGroup < maxParallelism; keyGroup++)
            _tracked.SnapshotKeyGroup(keyGroup);
        _changed = Enumerable.Range(0, Math.Max(1, Keys / 100)).Select(_ => (long)random.Next(Keys)).ToArray();
    }

    /// <summary>Per update, as <see cref="UpdateValueState"/>, on a backend that records the changed keys for the next delta.</summary>
    [Benchmark(OperationsPerInvoke = Updates)]
    public void UpdateValueStateTrackingChanges()
    {
        foreach (var key in _keys)
        {
            _tracked.SetCurrentKey(key);
            _trackedCount.Update(_trackedCount.Value() + 1);
        }
    }

    /// <summary>Per key group: after 1 % of the keys changed, what a checkpoint writes of it (a delta, or whole where the delta would not pay).</summary>
    [Benchmark(OperationsPerInvoke = KeyGroupRangeAssignment.DefaultMaxParallelism)]
    public long SnapshotKeyGroupFewChanges()
    {
        foreach (var key in _changed)
        {
            _tracked.SetCurrentKey(key);
            _trackedCount.Update(_trackedCount.Value() + 1);
        }
        long bytes = 0;
        for (var keyGroup = 0; keyGroup < KeyGroupRangeAssignment.DefaultMaxParallelism; keyGroup++)
        {
            if (_tracked.IsDirty(keyGroup))
                bytes += (_tracked.SnapshotKeyGroupChanges(keyGroup) ?? _tracked.SnapshotKeyGroup(keyGroup)).Length;
        }
        return bytes;
    }

    /// <summary>Per update: set the key, read its count, write it back plus one.</summary>
    [Benchmark(OperationsPerInvoke = Updates)]
    public void UpdateValueState()
    {
        foreach (var key in _keys)
        {
            _backend.SetCurrentKey(key);
            _count.Update(_count.Value() + 1);
        }
    }

    /// <summary>Per key group: its blob of every key's count, as a full checkpoint writes it.</summary>
    [Benchmark(OperationsPerInvoke = KeyGroupRangeAssignment.DefaultMaxParallelism)]
    public long SnapshotKeyGroup()
    {
        long bytes = 0;
        for (var keyGroup = 0; keyGroup < KeyGroupRangeAssignment.DefaultMaxParallelism; keyGroup++)
            bytes += _backend.SnapshotKeyGroup(keyGroup).Length;
        return bytes;
    }
}
