using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.Operators;

/// <summary>Keyed operators built by the API hand their keyed state to checkpoints: rolling aggregations and plain functions on keyed streams.</summary>
public sealed class KeyedOperatorRestoreTests
{
    /// <summary>Numbers each key's elements with a counter in keyed value state.</summary>
    private sealed class Numbering : RichMapFunction<(string Key, int Value), string>
    {
        private IValueState<int> _count = null!;

        public override void Open() => _count = RuntimeContext.GetState(new ValueStateDescriptor<int>("count"));

        public override string Map((string Key, int Value) value)
        {
            _count.Update(_count.Value() + 1);
            return $"{value.Key}#{_count.Value()}";
        }
    }

    private static DataStream<(string Key, int Value)> Source() =>
        StreamExecutionEnvironment.Create().FromCollection(Array.Empty<(string Key, int Value)>());

    private static Action<OperatorHarness<(string Key, int Value), TOut>>[] Elements<TOut>() =>
    [
        .. new[] { ("a", 1), ("b", 5), ("a", 3), ("c", 2), ("b", -1), ("a", 4), ("c", 9), ("a", 0) }
            .Select((e, i) => (Action<OperatorHarness<(string Key, int Value), TOut>>)(h => h.ProcessElement(e, i))),
    ];

    [Fact]
    public void A_rich_map_with_keyed_state_should_resume_counting_per_key()
    {
        var stream = Source().KeyBy(e => e.Key).Map(new Numbering());

        FailureScenario.AssertSameOutputWithFailureAnywhere(
            () => OperatorHarness.CreateOperator<(string Key, int Value), string>(stream.Transformation), Elements<string>());
    }

    [Fact]
    public void Rolling_aggregations_should_resume_from_their_accumulators()
    {
        var sum = Source().KeyBy(e => e.Key).Sum(e => e.Value);
        var maxBy = Source().KeyBy(e => e.Key).MaxBy(e => e.Value);

        FailureScenario.AssertSameOutputWithFailureAnywhere(
            () => OperatorHarness.CreateOperator<(string Key, int Value), (string Key, int Value)>(sum.Transformation), Elements<(string Key, int Value)>());
        FailureScenario.AssertSameOutputWithFailureAnywhere(
            () => OperatorHarness.CreateOperator<(string Key, int Value), (string Key, int Value)>(maxBy.Transformation), Elements<(string Key, int Value)>());
    }
}
