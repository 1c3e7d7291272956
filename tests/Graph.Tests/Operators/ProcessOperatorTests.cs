using ActorStream.Graph.Operators;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.Operators;

public sealed class ProcessOperatorTests
{
    private static readonly OutputTag<int> Odd = new("odd");
    private static readonly OutputTag<string> Negative = new("negative");

    /// <summary>Even numbers to the main output, odd ones to "odd", negative ones also to "negative".</summary>
    private sealed class Router : ProcessFunction<int, int>
    {
        public override void ProcessElement(int value, Context context, ICollector<int> output)
        {
            if (value < 0)
                context.Output(Negative, $"neg:{value}");
            if (value % 2 == 0)
                output.Collect(value);
            else
                context.Output(Odd, value);
        }
    }

    private sealed class EmitTimestamp : ProcessFunction<string, long?>
    {
        public override void ProcessElement(string value, Context context, ICollector<long?> output) => output.Collect(context.Timestamp);
    }

    private sealed class Lifecycle(List<string> log) : ProcessFunction<int, int>
    {
        public override void Open() => log.Add($"open {RuntimeContext.TaskName}");

        public override void ProcessElement(int value, Context context, ICollector<int> output) => log.Add($"element {value}");

        public override void Close() => log.Add("close");
    }

    [Fact]
    public void Process_should_expose_the_element_timestamp_and_null_when_there_is_none()
    {
        var harness = OperatorHarness.For(new ProcessOperator<string, long?>(new EmitTimestamp())).Open();

        harness.ProcessElement("a", 42);
        harness.ProcessElement("b");
        harness.ProcessElement("c", 0);

        Assert.Equal([42L, null, 0L], harness.Values);
    }

    [Fact]
    public void Process_should_stamp_main_output_with_the_input_timestamp()
    {
        var harness = OperatorHarness.For(new ProcessOperator<int, int>(new Router())).Open();

        harness.ProcessElement(2, 100);
        harness.ProcessElement(4);

        Assert.Equal([new StreamRecord<int>(2, 100), new StreamRecord<int>(4, StreamRecord<int>.NoTimestamp)], harness.Records);
    }

    [Fact]
    public void Process_should_route_side_output_values_to_their_tag_with_the_input_timestamp()
    {
        var harness = OperatorHarness.For(new ProcessOperator<int, int>(new Router())).Open();

        harness.ProcessElement(1, 10);
        harness.ProcessElement(2, 20);
        harness.ProcessElement(-3, 30);
        harness.ProcessElement(-4, 40);

        Assert.Equal([new StreamRecord<int>(2, 20), new StreamRecord<int>(-4, 40)], harness.Records);
        Assert.Equal([new StreamRecord<int>(1, 10), new StreamRecord<int>(-3, 30)], harness.Output.SideOutput(Odd));
        Assert.Equal([new StreamRecord<string>("neg:-3", 30), new StreamRecord<string>("neg:-4", 40)], harness.Output.SideOutput(Negative));
    }

    [Fact]
    public void Process_should_interleave_main_and_side_outputs_in_emission_order()
    {
        var harness = OperatorHarness.For(new ProcessOperator<int, int>(new Router())).Open();

        harness.ProcessElement(-1, 1);
        harness.ProcessWatermark(1);
        harness.ProcessElement(-2, 2);

        Assert.Equal(
            [
                new SideRecordEmitted("negative", "neg:-1", 1), new SideRecordEmitted("odd", -1, 1),
                new WatermarkEmitted(1),
                new SideRecordEmitted("negative", "neg:-2", 2), new RecordEmitted(-2, 2),
            ],
            harness.Output.Events);
    }

    [Fact]
    public void Process_side_outputs_should_be_told_apart_by_tag_id_and_type()
    {
        var harness = OperatorHarness.For(new ProcessOperator<int, int>(new Router())).Open();

        harness.ProcessElement(1, 10);

        Assert.Equal([new StreamRecord<int>(1, 10)], harness.Output.SideOutput(new OutputTag<int>("odd")));
        Assert.Empty(harness.Output.SideOutput(new OutputTag<long>("odd")));
        Assert.Empty(harness.Output.SideOutput(new OutputTag<int>("even")));
    }

    [Fact]
    public void Process_should_open_the_function_before_elements_and_close_it_at_close()
    {
        var log = new List<string>();
        var harness = OperatorHarness.For(new ProcessOperator<int, int>(new Lifecycle(log)), OperatorContext.ForTest("router")).Open();

        harness.ProcessElement(7);
        harness.EndInput();
        harness.Close();

        Assert.Equal(["open router", "element 7", "close"], log);
    }

    [Fact]
    public void Process_built_by_the_api_should_use_the_given_function()
    {
        var env = StreamExecutionEnvironment.Create();
        var routed = env.FromCollection([1]).Process(new Router());
        var harness = OperatorHarness.ForStream<int, int>(routed).Open();

        harness.ProcessElements(1, 2);

        Assert.Equal([2], harness.Values);
        Assert.Equal([new StreamRecord<int>(1, StreamRecord<int>.NoTimestamp)], harness.Output.SideOutput(Odd));
    }
}
