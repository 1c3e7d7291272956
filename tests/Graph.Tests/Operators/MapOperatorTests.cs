using ActorStream.Graph.Operators;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.Operators;

public sealed class MapOperatorTests
{
    private sealed class TimesTen : IMapFunction<int, int>
    {
        public int Map(int value) => value * 10;
    }

    private static OperatorHarness<int, int> OpenHarness() => OperatorHarness.For(new MapOperator<int, int>(new TimesTen())).Open();

    [Fact]
    public void Map_should_apply_the_function_to_every_element_in_order()
    {
        var harness = OpenHarness();

        harness.ProcessElements(3, 1, 2);

        Assert.Equal([30, 10, 20], harness.Values);
    }

    [Fact]
    public void Map_should_keep_the_input_timestamp()
    {
        var harness = OpenHarness();

        harness.ProcessElement(5, timestamp: 100);
        harness.ProcessElement(6);

        Assert.Equal([new StreamRecord<int>(50, 100), new StreamRecord<int>(60, StreamRecord<int>.NoTimestamp)], harness.Records);
    }

    [Fact]
    public void Map_should_forward_watermarks_unchanged_between_its_records()
    {
        var harness = OpenHarness();

        harness.ProcessElement(1, 10);
        harness.ProcessWatermark(10);
        harness.ProcessElement(2, 20);
        harness.ProcessWatermark(20);

        Assert.Equal(
            [new RecordEmitted(10, 10), new WatermarkEmitted(10), new RecordEmitted(20, 20), new WatermarkEmitted(20)],
            harness.Output.Events);
    }

    [Fact]
    public void Map_should_process_a_network_batch_record_by_record()
    {
        var harness = OpenHarness();
        IInput<int> input = harness.Operator;

        input.ProcessBatch([new StreamRecord<int>(1, 7), new StreamRecord<int>(2, 8)]);

        Assert.Equal([new StreamRecord<int>(10, 7), new StreamRecord<int>(20, 8)], harness.Records);
    }

    [Fact]
    public void Map_should_emit_nothing_at_end_of_input_or_close()
    {
        var harness = OpenHarness();
        harness.ProcessElement(1);

        harness.EndInput();
        harness.Close();

        Assert.Equal([new RecordEmitted(10, StreamRecord<int>.NoTimestamp)], harness.Output.Events);
    }

    [Fact]
    public void Map_built_by_the_api_should_run_the_lambda()
    {
        var env = StreamExecutionEnvironment.Create();
        var mapped = env.FromCollection([1, 2]).Map(x => $"#{x}");
        var harness = OperatorHarness.ForStream<int, string>(mapped).Open();

        harness.ProcessElement(7, 70);

        Assert.Equal([new StreamRecord<string>("#7", 70)], harness.Records);
    }
}
