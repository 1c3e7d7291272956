using ActorStream.Graph.Operators;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.Operators;

public sealed class SinkOperatorTests
{
    private static OperatorHarness<string, string> OpenHarness(RecordingSink<string> sink, OperatorContext? context = null) =>
        OperatorHarness.For(new SinkOperator<string>(sink), context).Open();

    [Fact]
    public void Sink_should_create_one_writer_with_the_subtask_name_index_and_parallelism()
    {
        var sink = new RecordingSink<string>();

        OpenHarness(sink, OperatorContext.ForTest("orders-sink", subtaskIndex: 2, parallelism: 3));

        var context = Assert.Single(sink.Contexts);
        Assert.Equal(("orders-sink", 2, 3), (context.OperatorName, context.SubtaskIndex, context.Parallelism));
        Assert.Equal((2, 3, "orders-sink"),
            (context.RuntimeContext.IndexOfThisSubtask, context.RuntimeContext.NumberOfParallelSubtasks, context.RuntimeContext.TaskName));
    }

    [Fact]
    public void Sink_should_hand_every_value_and_timestamp_to_the_writer_in_order()
    {
        var sink = new RecordingSink<string>();
        var harness = OpenHarness(sink);

        harness.ProcessElement("a", 10);
        harness.ProcessElement("b");

        Assert.Equal(["Write(a@10)", "Write(b)"], sink.Calls);
    }

    [Fact]
    public void Sink_should_flush_for_end_of_input_at_EndInput_and_dispose_the_writer_at_Close()
    {
        var sink = new RecordingSink<string>();
        var harness = OpenHarness(sink);
        harness.ProcessElement("a");

        harness.EndInput();
        harness.Close();

        Assert.Equal(["Write(a)", "Flush(True)", "Dispose"], sink.Calls);
    }

    [Fact]
    public void Sink_closed_without_end_of_input_should_flush_without_end_of_input_then_dispose()
    {
        var sink = new RecordingSink<string>();
        var harness = OpenHarness(sink);
        harness.ProcessElement("a");

        harness.Close();

        Assert.Equal(["Write(a)", "Flush(False)", "Dispose"], sink.Calls);
    }

    [Fact]
    public void Sink_closed_before_open_should_do_nothing()
    {
        var sink = new RecordingSink<string>();
        var harness = OperatorHarness.For(new SinkOperator<string>(sink));

        harness.Close();

        Assert.Empty(sink.Contexts);
        Assert.Empty(sink.Calls);
    }

    [Fact]
    public void Sink_should_emit_nothing_downstream_not_even_watermarks()
    {
        var sink = new RecordingSink<string>();
        var harness = OpenHarness(sink);

        harness.ProcessElement("a", 1);
        harness.ProcessWatermark(1);
        harness.EndInput();

        Assert.Empty(harness.Output.Events);
    }

    [Fact]
    public void Sink_writer_counters_should_count_in_the_subtask_counters()
    {
        var sink = new RecordingSink<string> { OnCreateWriter = c => c.RuntimeContext.GetCounter("writers").Add(3) };

        var harness = OpenHarness(sink);

        Assert.Equal(3, harness.Counter("writers"));
    }

    [Fact]
    public void Sink_built_by_SinkTo_should_write_to_the_given_sink()
    {
        var env = StreamExecutionEnvironment.Create();
        var sink = new RecordingSink<int>();
        var sinkStream = env.FromCollection([1]).SinkTo(sink, "numbers");
        var harness = OperatorHarness.ForSink(sinkStream).Open();

        harness.ProcessElements(4, 5);
        harness.EndInput();
        harness.Close();

        Assert.Equal(["Write(4)", "Write(5)", "Flush(True)", "Dispose"], sink.Calls);
    }
}
