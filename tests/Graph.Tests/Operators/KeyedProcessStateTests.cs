using ActorStream.Graph.Operators;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.Operators;

/// <summary>Every keyed state kind, used from a keyed process function, is isolated per key.</summary>
public sealed class KeyedProcessStateTests
{
    private sealed record Event(string Key, int Value);

    /// <summary>Runs <paramref name="body"/> per element with state handles created in Open by <paramref name="open"/>.</summary>
    private sealed class StateFunction<TState>(Func<IRuntimeContext, TState> open, Func<TState, Event, string> body)
        : KeyedProcessFunction<string, Event, string>
    {
        private TState _state = default!;

        public override void Open() => _state = open(RuntimeContext);

        public override void ProcessElement(Event value, Context context, ICollector<string> output) => output.Collect(body(_state, value));
    }

    private static IReadOnlyList<string> Run<TState>(Func<IRuntimeContext, TState> open, Func<TState, Event, string> body, params Event[] events)
    {
        var op = new KeyedProcessOperator<string, Event, string>(new StateFunction<TState>(open, body), e => e.Key);
        var harness = OperatorHarness.For(op).Open();
        foreach (var e in events)
            harness.ProcessElement(e);
        return harness.Values;
    }

    [Fact]
    public void ValueState_should_hold_one_value_per_key_and_start_from_the_default()
    {
        var outputs = Run(
            ctx => ctx.GetState(new ValueStateDescriptor<int>("sum", defaultValue: 1000)),
            (state, e) =>
            {
                var had = state.TryGetValue(out _);
                state.Update(state.Value() + e.Value);
                return $"{e.Key}:{had}:{state.Value()}";
            },
            new Event("a", 1), new Event("b", 10), new Event("a", 2), new Event("b", 20));

        Assert.Equal(["a:False:1001", "b:False:1010", "a:True:1003", "b:True:1030"], outputs);
    }

    [Fact]
    public void ValueState_clear_should_reset_only_the_current_key()
    {
        var outputs = Run(
            ctx => ctx.GetState(new ValueStateDescriptor<int>("last")),
            (state, e) =>
            {
                if (e.Value < 0)
                    state.Clear();
                else
                    state.Update(e.Value);
                return $"{e.Key}:{(state.TryGetValue(out var v) ? v.ToString() : "-")}";
            },
            new Event("a", 1), new Event("b", 2), new Event("a", -1), new Event("b", 3), new Event("a", 4));

        Assert.Equal(["a:1", "b:2", "a:-", "b:3", "a:4"], outputs);
    }

    [Fact]
    public void ListState_should_append_per_key()
    {
        var outputs = Run(
            ctx => ctx.GetListState(new ListStateDescriptor<int>("seen")),
            (state, e) =>
            {
                state.Add(e.Value);
                return $"{e.Key}:[{string.Join(",", state.Get())}]";
            },
            new Event("a", 1), new Event("b", 2), new Event("a", 3));

        Assert.Equal(["a:[1]", "b:[2]", "a:[1,3]"], outputs);
    }

    [Fact]
    public void ListState_update_should_replace_and_add_all_should_append_for_the_current_key_only()
    {
        var outputs = Run(
            ctx => ctx.GetListState(new ListStateDescriptor<int>("seen")),
            (state, e) =>
            {
                if (e.Value == 0)
                    state.Update([9, 8]);
                else
                    state.AddAll([e.Value, e.Value]);
                return $"{e.Key}:[{string.Join(",", state.Get())}]";
            },
            new Event("a", 1), new Event("b", 2), new Event("a", 0), new Event("b", 3));

        Assert.Equal(["a:[1,1]", "b:[2,2]", "a:[9,8]", "b:[2,2,3,3]"], outputs);
    }

    [Fact]
    public void MapState_should_keep_a_map_per_key()
    {
        var outputs = Run(
            ctx => ctx.GetMapState(new MapStateDescriptor<int, int>("histogram")),
            (state, e) =>
            {
                state.Put(e.Value, state.Get(e.Value) + 1);
                var entries = state.Entries().OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}x{kv.Value}");
                return $"{e.Key}:{string.Join(",", entries)}";
            },
            new Event("a", 1), new Event("b", 1), new Event("a", 1), new Event("a", 2), new Event("b", 3));

        Assert.Equal(["a:1x1", "b:1x1", "a:1x2", "a:1x2,2x1", "b:1x1,3x1"], outputs);
    }

    [Fact]
    public void MapState_remove_contains_and_is_empty_should_apply_to_the_current_key()
    {
        var outputs = Run(
            ctx => ctx.GetMapState(new MapStateDescriptor<string, int>("flags")),
            (state, e) =>
            {
                if (e.Value > 0)
                    state.Put("on", e.Value);
                else
                    state.Remove("on");
                return $"{e.Key}:{state.Contains("on")}:{state.IsEmpty()}";
            },
            new Event("a", 1), new Event("b", 1), new Event("a", 0), new Event("b", 2));

        Assert.Equal(["a:True:False", "b:True:False", "a:False:True", "b:True:False"], outputs);
    }

    [Fact]
    public void ReducingState_should_fold_added_values_per_key()
    {
        var outputs = Run(
            ctx => ctx.GetReducingState(new ReducingStateDescriptor<int>("max", Math.Max)),
            (state, e) =>
            {
                state.Add(e.Value);
                return $"{e.Key}:{state.Get()}";
            },
            new Event("a", 5), new Event("b", 1), new Event("a", 3), new Event("a", 8), new Event("b", 2));

        Assert.Equal(["a:5", "b:1", "a:5", "a:8", "b:2"], outputs);
    }

    private sealed class Average : IAggregateFunction<int, (long Sum, long Count), double>
    {
        public (long Sum, long Count) CreateAccumulator() => (0, 0);

        public (long Sum, long Count) Add(int value, (long Sum, long Count) accumulator) => (accumulator.Sum + value, accumulator.Count + 1);

        public double GetResult((long Sum, long Count) accumulator) => (double)accumulator.Sum / accumulator.Count;

        public (long Sum, long Count) Merge((long Sum, long Count) a, (long Sum, long Count) b) => (a.Sum + b.Sum, a.Count + b.Count);
    }

    [Fact]
    public void AggregatingState_should_aggregate_per_key_with_the_aggregate_function()
    {
        var outputs = Run(
            ctx => ctx.GetAggregatingState(new AggregatingStateDescriptor<int, (long Sum, long Count), double>("avg", new Average())),
            (state, e) =>
            {
                state.Add(e.Value);
                return $"{e.Key}:{state.Get()}";
            },
            new Event("a", 1), new Event("b", 10), new Event("a", 2), new Event("b", 20), new Event("a", 6));

        Assert.Equal(["a:1", "b:10", "a:1.5", "b:15", "a:3"], outputs);
    }

    [Fact]
    public void AggregatingState_clear_should_restart_from_a_new_accumulator()
    {
        var outputs = Run(
            ctx => ctx.GetAggregatingState(new AggregatingStateDescriptor<int, (long Sum, long Count), double>("avg", new Average())),
            (state, e) =>
            {
                if (e.Value == 0)
                {
                    state.Clear();
                    return $"{e.Key}:cleared:{state.Get()}";
                }
                state.Add(e.Value);
                return $"{e.Key}:{state.Get()}";
            },
            new Event("a", 4), new Event("a", 0), new Event("a", 2));

        Assert.Equal(["a:4", "a:cleared:0", "a:2"], outputs);
    }
}
