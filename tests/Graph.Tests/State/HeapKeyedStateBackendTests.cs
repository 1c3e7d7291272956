using ActorStream.Graph.Keys;
using ActorStream.Graph.State;

namespace ActorStream.Graph.Tests.State;

public sealed class HeapKeyedStateBackendTests
{
    private static readonly string[] Keys = [.. Enumerable.Range(0, 500).Select(i => $"user-{i}")];

    private static HeapKeyedStateBackend<string> Backend(int maxParallelism = 128, int parallelism = 1, int subtaskIndex = 0) =>
        new(new KeyGroupRangeInfo(
            KeyGroupRangeAssignment.ComputeKeyGroupRangeForOperatorIndex(maxParallelism, parallelism, subtaskIndex), maxParallelism));

    private static void Put(HeapKeyedStateBackend<string> backend, IValueState<int> state, string key, int value)
    {
        backend.SetCurrentKey(key);
        state.Update(value);
    }

    [Fact]
    public void A_state_table_should_hold_each_key_in_the_slot_of_its_key_group()
    {
        var backend = Backend();
        var state = backend.GetState(new ValueStateDescriptor<int>("v"));
        foreach (var key in Keys)
            Put(backend, state, key, key.Length);

        var table = Assert.IsType<StateTable<string, int>>(Assert.Single(backend.Tables));

        Assert.Equal(Keys.Length, table.Count);
        for (var keyGroup = 0; keyGroup < 128; keyGroup++)
        {
            var expected = Keys.Where(k => KeyGroupRangeAssignment.AssignToKeyGroup(k, 128) == keyGroup).Order();
            Assert.Equal(expected, table.KeyGroup(keyGroup).Keys.Order());
            Assert.All(table.KeyGroup(keyGroup), kv => Assert.Equal(kv.Key.Length, kv.Value));
        }
    }

    [Fact]
    public void A_subtask_backend_should_own_only_its_key_groups()
    {
        var backend = Backend(parallelism: 4, subtaskIndex: 1);
        var state = backend.GetState(new ValueStateDescriptor<int>("v"));
        var mine = Keys.Where(k => KeyGroupRangeAssignment.AssignKeyToParallelOperator(k, 128, 4) == 1).ToList();
        foreach (var key in mine)
            Put(backend, state, key, 1);

        var table = Assert.IsType<StateTable<string, int>>(Assert.Single(backend.Tables));

        Assert.Equal(new KeyGroupRange(32, 63), backend.Groups.Range);
        Assert.Equal(mine.Count, new KeyGroupRange(32, 63).KeyGroups.Sum(kg => table.KeyGroup(kg).Count));
        var error = Assert.Throws<InvalidOperationException>(() => table.KeyGroup(31));
        Assert.Equal("Key group 31 is not in this subtask's KeyGroupRange[32..63].", error.Message);
    }

    [Fact]
    public void SetCurrentKey_should_reject_a_key_outside_the_owned_key_groups()
    {
        var backend = Backend(parallelism: 4, subtaskIndex: 1);
        var foreign = Keys.First(k => KeyGroupRangeAssignment.AssignKeyToParallelOperator(k, 128, 4) != 1);
        var keyGroup = KeyGroupRangeAssignment.AssignToKeyGroup(foreign, 128);

        var error = Assert.Throws<InvalidOperationException>(() => backend.SetCurrentKey(foreign));

        Assert.Equal($"Key group {keyGroup} is not in this subtask's KeyGroupRange[32..63].", error.Message);
    }

    [Fact]
    public void A_rejected_key_should_leave_the_previous_key_current()
    {
        var backend = Backend(parallelism: 4, subtaskIndex: 1);
        var state = backend.GetState(new ValueStateDescriptor<int>("v"));
        var own = Keys.First(k => KeyGroupRangeAssignment.AssignKeyToParallelOperator(k, 128, 4) == 1);
        var foreign = Keys.First(k => KeyGroupRangeAssignment.AssignKeyToParallelOperator(k, 128, 4) != 1);
        Put(backend, state, own, 7);

        Assert.Throws<InvalidOperationException>(() => backend.SetCurrentKey(foreign));
        state.Update(8);

        Assert.Equal(own, backend.CurrentKey);
        Assert.Equal([own], backend.GetKeys("v"));
    }

    [Fact]
    public void SetCurrentKey_should_expose_the_key_and_its_local_slot()
    {
        var backend = Backend(parallelism: 4, subtaskIndex: 1);
        var own = Keys.First(k => KeyGroupRangeAssignment.AssignKeyToParallelOperator(k, 128, 4) == 1);

        backend.SetCurrentKey(own);

        Assert.Equal(own, backend.CurrentKey);
        Assert.Equal(KeyGroupRangeAssignment.AssignToKeyGroup(own, 128) - 32, backend.CurrentSlot);
    }

    [Fact]
    public void GetKeys_should_list_the_keys_holding_a_value_in_key_group_order()
    {
        var backend = Backend();
        var state = backend.GetState(new ValueStateDescriptor<int>("v"));
        foreach (var key in Keys.Take(20))
            Put(backend, state, key, 1);
        backend.SetCurrentKey(Keys[3]);
        state.Clear();

        var keys = backend.GetKeys("v").ToList();

        Assert.Equal(Keys.Take(20).Where(k => k != Keys[3]).Order(), keys.Order());
        Assert.Equal(keys.OrderBy(k => KeyGroupRangeAssignment.AssignToKeyGroup(k, 128)).Select(k => KeyGroupRangeAssignment.AssignToKeyGroup(k, 128)),
            keys.Select(k => KeyGroupRangeAssignment.AssignToKeyGroup(k, 128)));
        Assert.Empty(backend.GetKeys("unknown"));
    }

    [Fact]
    public void GetKeys_should_only_list_keys_of_the_named_state()
    {
        var backend = Backend();
        var first = backend.GetState(new ValueStateDescriptor<int>("first"));
        var second = backend.GetListState(new ListStateDescriptor<int>("second"));
        backend.SetCurrentKey("a");
        first.Update(1);
        backend.SetCurrentKey("b");
        second.Add(2);

        Assert.Equal(["a"], backend.GetKeys("first"));
        Assert.Equal(["b"], backend.GetKeys("second"));
        Assert.Equal([("first", 1), ("second", 1)], backend.Tables.Select(t => (t.Name, t.Count)).Order());
    }

    [Fact]
    public void Registering_a_name_again_with_the_same_kind_and_type_should_return_the_same_state()
    {
        var backend = Backend();

        var first = backend.GetState(new ValueStateDescriptor<int>("v"));
        var second = backend.GetState(new ValueStateDescriptor<int>("v"));

        Assert.Same(first, second);
    }

    [Fact]
    public void Registering_a_name_again_with_another_kind_should_throw()
    {
        var backend = Backend();
        backend.GetState(new ValueStateDescriptor<int>("v"));

        var error = Assert.Throws<InvalidOperationException>(() => backend.GetListState(new ListStateDescriptor<int>("v")));

        Assert.StartsWith("State 'v' was registered before with another kind or type (HeapValueState", error.Message);
    }

    [Fact]
    public void Registering_a_name_again_with_another_value_type_should_throw()
    {
        var backend = Backend();
        backend.GetReducingState(new ReducingStateDescriptor<int>("r", (a, b) => a + b));

        Assert.Throws<InvalidOperationException>(() => backend.GetReducingState(new ReducingStateDescriptor<long>("r", (a, b) => a + b)));
        Assert.Throws<InvalidOperationException>(() => backend.GetMapState(new MapStateDescriptor<int, int>("r")));
    }

    [Fact]
    public void A_state_descriptor_needs_a_name()
    {
        var error = Assert.Throws<ArgumentException>(() => new ValueStateDescriptor<int>(" "));

        Assert.Equal("name", error.ParamName);
    }
}
