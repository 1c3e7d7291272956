using ActorStream.Graph.Keys;
using ActorStream.Graph.State;

namespace ActorStream.Graph.Tests.State;

/// <summary>TryGet and Contains tell an absent value from a stored default, for map, reducing and aggregating state.</summary>
public sealed class StateLookupTests
{
    private readonly HeapKeyedStateBackend<int> _backend = new(new KeyGroupRangeInfo(new KeyGroupRange(0, 127), 128));

    private sealed class Count : IAggregateFunction<int, int, int>
    {
        public int CreateAccumulator() => 0;

        public int Add(int value, int accumulator) => accumulator + value;

        public int GetResult(int accumulator) => accumulator * 10;

        public int Merge(int a, int b) => a + b;
    }

    [Fact]
    public void Map_state_TryGet_should_tell_a_stored_zero_from_an_absent_entry()
    {
        var state = _backend.GetMapState(new MapStateDescriptor<string, int>("m"));
        _backend.SetCurrentKey(1);
        state.Put("zero", 0);

        Assert.True(state.TryGet("zero", out var zero));
        Assert.Equal(0, zero);
        Assert.False(state.TryGet("missing", out var missing));
        Assert.Equal(0, missing);
        _backend.SetCurrentKey(2);
        Assert.False(state.TryGet("zero", out _));
    }

    [Fact]
    public void Reducing_state_TryGet_and_Contains_should_tell_a_reduced_zero_from_nothing_added()
    {
        var state = _backend.GetReducingState(new ReducingStateDescriptor<int>("r", (a, b) => a + b));
        _backend.SetCurrentKey(1);

        Assert.False(state.Contains());
        Assert.False(state.TryGet(out _));
        state.Add(3);
        state.Add(-3);
        Assert.True(state.Contains());
        Assert.True(state.TryGet(out var sum));
        Assert.Equal(0, sum);
        state.Clear();
        Assert.False(state.Contains());
    }

    [Fact]
    public void Aggregating_state_TryGet_should_return_the_result_only_after_an_add()
    {
        var state = _backend.GetAggregatingState(new AggregatingStateDescriptor<int, int, int>("a", new Count()));
        _backend.SetCurrentKey(7);

        Assert.False(state.TryGet(out var none));
        Assert.Equal(0, none);
        Assert.False(state.Contains());
        state.Add(2);
        state.Add(3);
        Assert.True(state.TryGet(out var result));
        Assert.Equal(50, result);
        Assert.True(state.Contains());
        _backend.SetCurrentKey(8);
        Assert.False(state.Contains());
    }
}
