using ActorStream.Graph.Keys;
using FsCheck;
using FsCheck.Xunit;
using static ActorStream.Graph.Tests.State.BackendSnapshots;

namespace ActorStream.Graph.Tests.State;

public sealed class KeyedStateSnapshotProperties
{
    private static readonly ValueStateDescriptor<long> Value = new("value");
    private static readonly MapStateDescriptor<string, long> Map = new("map");

    /// <summary>
    /// Any Dictionary&lt;string, long&gt; (any strings, also malformed UTF-16) written as value and map state by one
    /// subtask comes back exactly, key by key, when its key groups are spread over any number of new subtasks.
    /// </summary>
    [Property(MaxTest = 200)]
    public void Random_state_should_round_trip_into_any_parallelism(NonNull<string>[] keys, long[] values, PositiveInt parallelism)
    {
        var expected = new Dictionary<string, long>();
        for (var i = 0; i < keys.Length; i++)
            expected[keys[i].Get] = values.Length == 0 ? i : values[i % values.Length];
        var source = Backend<string>();
        var value = source.GetState(Value);
        var map = source.GetMapState(Map);
        foreach (var (key, v) in expected)
        {
            source.SetCurrentKey(key);
            value.Update(v);
            map.Put(key, -v);
            map.Put("", v);
        }
        var blobs = SnapshotAll(source);

        var p = (parallelism.Get - 1) % 16 + 1;
        var seen = new Dictionary<string, long>();
        for (var subtask = 0; subtask < p; subtask++)
        {
            var target = Backend<string>(p, subtask).RestoreFrom(blobs);
            var restoredValue = target.GetState(Value);
            var restoredMap = target.GetMapState(Map);
            foreach (var key in target.GetKeys(Value.Name))
            {
                Assert.Equal(subtask, KeyGroupRangeAssignment.AssignKeyToParallelOperator(key, 128, p));
                target.SetCurrentKey(key);
                seen.Add(key, restoredValue.Value());
                Assert.Equal(
                    new Dictionary<string, long> { [key] = key.Length == 0 ? restoredValue.Value() : -restoredValue.Value(), [""] = restoredValue.Value() },
                    restoredMap.Entries().ToDictionary());
            }
        }
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), seen.OrderBy(e => e.Key, StringComparer.Ordinal));
    }
}
