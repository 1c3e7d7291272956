using ActorStream.Graph.Operators;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.Operators;

public sealed class FilterOperatorTests
{
    private sealed class IsEven : IFilterFunction<int>
    {
        public bool Filter(int value) => value % 2 == 0;
    }

    [Fact]
    public void Filter_should_forward_only_accepted_elements_with_their_timestamps()
    {
        var harness = OperatorHarness.For(new FilterOperator<int>(new IsEven())).Open();

        harness.ProcessElement(1, 10);
        harness.ProcessElement(2, 20);
        harness.ProcessElement(3, 30);
        harness.ProcessElement(4);

        Assert.Equal([new StreamRecord<int>(2, 20), new StreamRecord<int>(4, StreamRecord<int>.NoTimestamp)], harness.Records);
    }

    [Fact]
    public void Filter_should_forward_watermarks_even_when_it_drops_every_element()
    {
        var harness = OperatorHarness.For(new FilterOperator<int>(new IsEven())).Open();

        harness.ProcessElement(1, 5);
        harness.ProcessWatermark(5);
        harness.ProcessElement(3, 6);
        harness.ProcessWatermark(Watermarks.Max);

        Assert.Equal([new WatermarkEmitted(5), new WatermarkEmitted(long.MaxValue)], harness.Output.Events);
    }

    [Fact]
    public void Filter_built_by_the_api_should_run_the_predicate()
    {
        var env = StreamExecutionEnvironment.Create();
        var filtered = env.FromCollection(["a"]).Filter(s => s.StartsWith('k'));
        var harness = OperatorHarness.ForStream<string, string>(filtered).Open();

        harness.ProcessElements("key", "value", "kilo");

        Assert.Equal(["key", "kilo"], harness.Values);
    }
}
