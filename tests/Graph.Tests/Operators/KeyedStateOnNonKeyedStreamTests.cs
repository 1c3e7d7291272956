using ActorStream.Graph.Operators;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.Operators;

/// <summary>Keyed state needs a keyed stream; asking for it elsewhere fails with a message that says so.</summary>
public sealed class KeyedStateOnNonKeyedStreamTests
{
    private const string Expected =
        "Operator 'enrich' uses keyed state, which is only available on a keyed stream (after KeyBy).";

    private sealed class StateInOpen(Action<IRuntimeContext> getState) : RichMapFunction<int, int>
    {
        public override void Open() => getState(RuntimeContext);

        public override int Map(int value) => value;
    }

    private sealed class Sum : IAggregateFunction<int, int, int>
    {
        public int CreateAccumulator() => 0;

        public int Add(int value, int accumulator) => value + accumulator;

        public int GetResult(int accumulator) => accumulator;

        public int Merge(int a, int b) => a + b;
    }

    public static TheoryData<string> StateKinds => ["value", "list", "map", "reducing", "aggregating"];

    private static void GetState(IRuntimeContext context, string kind)
    {
        switch (kind)
        {
            case "value": context.GetState(new ValueStateDescriptor<int>("s")); break;
            case "list": context.GetListState(new ListStateDescriptor<int>("s")); break;
            case "map": context.GetMapState(new MapStateDescriptor<int, int>("s")); break;
            case "reducing": context.GetReducingState(new ReducingStateDescriptor<int>("s", (a, b) => a + b)); break;
            default: context.GetAggregatingState(new AggregatingStateDescriptor<int, int, int>("s", new Sum())); break;
        }
    }

    [Theory]
    [MemberData(nameof(StateKinds))]
    public void Keyed_state_on_a_non_keyed_operator_should_throw_a_clear_error(string kind)
    {
        var harness = OperatorHarness.For(new MapOperator<int, int>(new StateInOpen(ctx => GetState(ctx, kind))), OperatorContext.ForTest("enrich"));

        var error = Assert.Throws<InvalidOperationException>(() => harness.Open());

        Assert.Equal(Expected, error.Message);
    }

    [Fact]
    public void Keyed_state_in_a_sink_writer_should_throw_a_clear_error()
    {
        var sink = new RecordingSink<int> { OnCreateWriter = c => c.RuntimeContext.GetState(new ValueStateDescriptor<int>("s")) };
        var harness = OperatorHarness.For(new SinkOperator<int>(sink), OperatorContext.ForTest("enrich"));

        var error = Assert.Throws<InvalidOperationException>(() => harness.Open());

        Assert.Equal(Expected, error.Message);
    }

    /// <summary>Flink's canonical keyed-state example: a rich flatMap with value state after keyBy.</summary>
    private sealed class RunningAverage : RichFlatMapFunction<(string Key, int Value), (string Key, double Average)>
    {
        private IValueState<(int Count, int Sum)> _state = null!;

        public override void Open() => _state = RuntimeContext.GetState(new ValueStateDescriptor<(int Count, int Sum)>("average"));

        public override void FlatMap((string Key, int Value) value, ICollector<(string Key, double Average)> output)
        {
            var (count, sum) = _state.Value();
            _state.Update((count + 1, sum + value.Value));
            output.Collect((value.Key, (double)(sum + value.Value) / (count + 1)));
        }
    }

    [Fact]
    public void A_rich_flatMap_after_KeyBy_should_get_keyed_state_per_key()
    {
        var env = StreamExecutionEnvironment.Create();
        var averages = env.FromCollection<(string Key, int Value)>([]).KeyBy(e => e.Key).FlatMap(new RunningAverage());
        var harness = OperatorHarness.ForStream<(string Key, int Value), (string Key, double Average)>(averages).Open();

        harness.ProcessElements(("a", 2), ("b", 10), ("a", 4));

        Assert.Equal([("a", 2.0), ("b", 10.0), ("a", 3.0)], harness.Values);
    }
}
