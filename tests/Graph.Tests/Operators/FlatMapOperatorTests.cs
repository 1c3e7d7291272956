using ActorStream.Graph.Operators;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.Operators;

public sealed class FlatMapOperatorTests
{
    private sealed class SplitWords : IFlatMapFunction<string, string>
    {
        public void FlatMap(string value, ICollector<string> output)
        {
            foreach (var word in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                output.Collect(word);
        }
    }

    private static OperatorHarness<string, string> OpenHarness() =>
        OperatorHarness.For(new FlatMapOperator<string, string>(new SplitWords())).Open();

    [Fact]
    public void FlatMap_should_emit_every_collected_value_in_order()
    {
        var harness = OpenHarness();

        harness.ProcessElements("to be", "or not to be");

        Assert.Equal(["to", "be", "or", "not", "to", "be"], harness.Values);
    }

    [Fact]
    public void FlatMap_should_stamp_every_output_with_the_timestamp_of_its_input()
    {
        var harness = OpenHarness();

        harness.ProcessElement("a b", 5);
        harness.ProcessElement("c", 7);

        Assert.Equal(
            [new StreamRecord<string>("a", 5), new StreamRecord<string>("b", 5), new StreamRecord<string>("c", 7)],
            harness.Records);
    }

    [Fact]
    public void FlatMap_should_not_carry_a_timestamp_over_to_an_input_without_one()
    {
        var harness = OpenHarness();

        harness.ProcessElement("a", 5);
        harness.ProcessElement("b");

        Assert.Equal([new StreamRecord<string>("a", 5), new StreamRecord<string>("b", StreamRecord<string>.NoTimestamp)], harness.Records);
    }

    [Fact]
    public void FlatMap_should_emit_nothing_for_an_input_that_collects_nothing()
    {
        var harness = OpenHarness();

        harness.ProcessElement("   ", 1);
        harness.ProcessWatermark(1);

        Assert.Equal([new WatermarkEmitted(1)], harness.Output.Events);
    }

    [Fact]
    public void FlatMap_with_an_enumerable_lambda_should_emit_each_item_with_the_input_timestamp()
    {
        var env = StreamExecutionEnvironment.Create();
        var repeated = env.FromCollection([1]).FlatMap(n => Enumerable.Repeat(n, n));
        var harness = OperatorHarness.ForStream<int, int>(repeated).Open();

        harness.ProcessElement(2, 40);
        harness.ProcessElement(0, 50);
        harness.ProcessElement(1, 60);

        Assert.Equal([new StreamRecord<int>(2, 40), new StreamRecord<int>(2, 40), new StreamRecord<int>(1, 60)], harness.Records);
    }

    [Fact]
    public void FlatMap_with_a_collector_lambda_should_emit_what_the_lambda_collects()
    {
        var env = StreamExecutionEnvironment.Create();
        var stream = env.FromCollection(["x"]).FlatMap<int>((s, output) =>
        {
            output.Collect(s.Length);
            output.Collect(-s.Length);
        });
        var harness = OperatorHarness.ForStream<string, int>(stream).Open();

        harness.ProcessElement("abc", 9);

        Assert.Equal([new StreamRecord<int>(3, 9), new StreamRecord<int>(-3, 9)], harness.Records);
    }
}
