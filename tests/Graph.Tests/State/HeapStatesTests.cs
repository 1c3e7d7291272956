using ActorStream.Graph.Keys;
using ActorStream.Graph.State;

namespace ActorStream.Graph.Tests.State;

/// <summary>The semantics of each heap state kind, read and written directly at the backend's current key.</summary>
public sealed class HeapStatesTests
{
    private readonly HeapKeyedStateBackend<int> _backend = new(new KeyGroupRangeInfo(new KeyGroupRange(0, 127), 128));

    private sealed class Concat : IAggregateFunction<char, string, string>
    {
        public string CreateAccumulator() => ">";

        public string Add(char value, string accumulator) => accumulator + value;

        public string GetResult(string accumulator) => accumulator + "<";

        public string Merge(string a, string b) => a + b;
    }

    [Fact]
    public void Value_state_should_read_the_default_for_a_key_without_a_value()
    {
        var state = _backend.GetState(new ValueStateDescriptor<string>("v", "none"));
        _backend.SetCurrentKey(1);

        Assert.Equal("none", state.Value());
        Assert.False(state.TryGetValue(out var value));
        Assert.Null(value);
    }

    [Fact]
    public void Value_state_should_keep_values_per_key()
    {
        var state = _backend.GetState(new ValueStateDescriptor<string>("v"));
        _backend.SetCurrentKey(1);
        state.Update("one");
        _backend.SetCurrentKey(2);
        state.Update("two");

        _backend.SetCurrentKey(1);
        Assert.Equal("one", state.Value());
        _backend.SetCurrentKey(2);
        Assert.True(state.TryGetValue(out var two));
        Assert.Equal("two", two);
    }

    [Fact]
    public void List_state_should_read_empty_for_a_new_key_and_replace_on_update()
    {
        var state = _backend.GetListState(new ListStateDescriptor<int>("l"));
        _backend.SetCurrentKey(5);
        Assert.Empty(state.Get());

        state.AddAll([1, 2]);
        state.Add(3);
        Assert.Equal([1, 2, 3], state.Get());

        state.Update([9]);
        Assert.Equal([9], state.Get());
        _backend.SetCurrentKey(6);
        Assert.Empty(state.Get());
    }

    [Fact]
    public void Map_state_should_drop_the_key_once_its_last_entry_is_removed()
    {
        var state = _backend.GetMapState(new MapStateDescriptor<string, int>("m"));
        _backend.SetCurrentKey(7);
        state.Put("a", 1);
        state.Put("b", 2);
        state.Put("a", 3);

        Assert.Equal([new KeyValuePair<string, int>("a", 3), new KeyValuePair<string, int>("b", 2)], state.Entries().OrderBy(e => e.Key));
        Assert.Equal(0, state.Get("missing"));

        state.Remove("a");
        Assert.Equal([7], _backend.GetKeys("m"));
        state.Remove("b");
        Assert.True(state.IsEmpty());
        Assert.Empty(_backend.GetKeys("m"));
    }

    [Fact]
    public void Reducing_state_should_start_with_the_first_value_and_read_default_when_empty()
    {
        var calls = new List<(int, int)>();
        var state = _backend.GetReducingState(new ReducingStateDescriptor<int>("r", (a, b) =>
        {
            calls.Add((a, b));
            return a - b;
        }));
        _backend.SetCurrentKey(1);
        Assert.Equal(0, state.Get());

        state.Add(10);
        state.Add(3);
        state.Add(2);

        Assert.Equal(5, state.Get());
        Assert.Equal([(10, 3), (7, 2)], calls);
    }

    [Fact]
    public void Aggregating_state_should_create_an_accumulator_on_the_first_add_and_read_default_when_empty()
    {
        var state = _backend.GetAggregatingState(new AggregatingStateDescriptor<char, string, string>("a", new Concat()));
        _backend.SetCurrentKey(1);
        Assert.Null(state.Get());

        state.Add('x');
        state.Add('y');
        _backend.SetCurrentKey(2);
        state.Add('z');

        Assert.Equal(">z<", state.Get());
        _backend.SetCurrentKey(1);
        Assert.Equal(">xy<", state.Get());
    }

    [Fact]
    public void Clear_should_remove_only_the_current_key_of_that_state()
    {
        var values = _backend.GetState(new ValueStateDescriptor<int>("v"));
        var lists = _backend.GetListState(new ListStateDescriptor<int>("l"));
        foreach (var key in new[] { 1, 2 })
        {
            _backend.SetCurrentKey(key);
            values.Update(key);
            lists.Add(key);
        }

        _backend.SetCurrentKey(1);
        values.Clear();

        Assert.Equal([2], _backend.GetKeys("v"));
        Assert.Equal([1, 2], _backend.GetKeys("l").Order());
    }

    [Fact]
    public void KeyGroupRangeInfo_should_map_owned_key_groups_to_slots_from_zero()
    {
        var info = new KeyGroupRangeInfo(new KeyGroupRange(10, 19), 128);

        Assert.Equal(0, info.SlotOf(10));
        Assert.Equal(9, info.SlotOf(19));
        Assert.Throws<InvalidOperationException>(() => info.SlotOf(9));
        Assert.Throws<InvalidOperationException>(() => info.SlotOf(20));
    }
}
