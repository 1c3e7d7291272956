using ActorStream.Graph.Operators.Windowing;
using ActorStream.Graph.Windowing;
using static ActorStream.Graph.Tests.Windowing.WindowTestKit;

namespace ActorStream.Graph.Tests.Windowing;

public sealed class WindowFunctionTests
{
    private static WindowedStream<(string Key, long Value), string, TimeWindow> Tumbling(long size) =>
        Keyed().Window(TumblingEventTimeWindows.Of(Ms(size)));

    [Fact]
    public void Reduce_with_a_process_window_function_should_hand_it_the_single_reduced_value_and_the_window()
    {
        var harness = HarnessOf(Tumbling(10).Reduce(Sum, new DescribeReduced()));
        harness.Feed(("a", 1, 1), ("a", 2, 2), ("b", 5, 3), ("a", 4, 14));

        harness.ProcessWatermark(100);

        Assert.Equal(["a@0: 3 (1 element)", "a@10: 4 (1 element)", "b@0: 5 (1 element)"], harness.Values.Order());
        Assert.Equal([9L, 9L, 19L], harness.Records.Select(r => r.Timestamp).Order());
    }

    [Fact]
    public void Aggregate_should_emit_the_aggregate_result_of_each_window()
    {
        var harness = HarnessOf(Tumbling(10).Aggregate(new Average()));
        harness.Feed(("a", 1, 1), ("a", 2, 2), ("a", 6, 3));

        harness.ProcessWatermark(9);

        Assert.Equal([At(3.0, 9)], harness.Records);
    }

    [Fact]
    public void Aggregate_with_a_process_window_function_should_hand_it_the_aggregate_result()
    {
        var harness = HarnessOf(Tumbling(10).Aggregate(new Average(), new DescribeAverage()));
        var op = Assert.IsAssignableFrom<WindowOperator<string, (string Key, long Value), double, string, TimeWindow>>(harness.Operator);
        harness.Feed(("a", 1, 1), ("a", 2, 2), ("a", 6, 3));
        Assert.Equal(1, StateEntries(op.KeyedState)); // one accumulator, not three elements

        harness.ProcessWatermark(9);

        Assert.Equal([At("a avg 3 in [0,10)", 9)], harness.Records);
    }

    [Fact]
    public void Process_should_see_all_elements_in_arrival_order()
    {
        var harness = HarnessOf(Tumbling(10).Process(new DescribeWindow()));
        harness.Feed(("a", 3, 5), ("a", 1, 1), ("a", 2, 9));

        harness.ProcessWatermark(9);

        Assert.Equal([At("a:0-10:3,1,2", 9)], harness.Records);
    }

    [Fact]
    public void Window_state_should_be_per_window_and_global_state_per_key_and_clear_should_run_at_cleanup()
    {
        var harness = HarnessOf(Tumbling(10).AllowedLateness(Ms(5)).Process(new CountFirings()));
        var op = Assert.IsAssignableFrom<WindowOperator<string, (string Key, long Value), IEnumerable<(string Key, long Value)>, string, TimeWindow>>(
            harness.Operator);
        harness.Feed(("a", 1, 1));
        harness.ProcessWatermark(9);
        harness.Feed(("a", 2, 3), ("a", 3, 12));
        harness.ProcessWatermark(19);

        Assert.Equal(["[0,10) firing 1 of 1", "[0,10) firing 2 of 2", "[10,20) firing 1 of 3"], harness.Values);
        harness.ProcessWatermark(24);
        // Clear dropped each window's state at its cleanup; the per-key total stays, as global state does in Flink.
        Assert.Equal(["total"], op.KeyedState.Tables.Where(t => t.Count > 0).Select(t => t.Name));
        Assert.Equal(1, StateEntries(op.KeyedState));
    }

    [Fact]
    public void A_process_window_function_should_emit_side_outputs_stamped_with_the_window_end()
    {
        var small = new OutputTag<long>("small");
        var harness = HarnessOf(Tumbling(10).Process(new SplitSmall(small)));
        harness.Feed(("a", 1, 1), ("a", 50, 2));

        harness.ProcessWatermark(9);

        Assert.Equal([At(1L, 9)], harness.Output.SideOutput(small));
        Assert.Equal([At("a:50", 9)], harness.Records);
    }

    [Fact]
    public void A_process_window_function_should_be_opened_with_a_runtime_context_and_closed()
    {
        var function = new Lifecycle();
        var harness = HarnessOf(Tumbling(10).Process(function));
        harness.Feed(("a", 1, 1));
        harness.ProcessWatermark(9);
        harness.Close();

        // The subtask runs a shallow copy of the function: the copy shares the log list.
        Assert.Equal(["opened test", "fired", "closed"], function.Log);
    }

    [Fact]
    public void Rich_reduce_and_aggregate_functions_should_be_refused_as_in_flink()
    {
        Assert.Throws<NotSupportedException>(() => Tumbling(10).Reduce(new RichSum()));
        Assert.Throws<NotSupportedException>(() => Tumbling(10).Reduce(new RichSum(), new DescribeReduced()));
        Assert.Throws<NotSupportedException>(() => Tumbling(10).Aggregate(new RichAverage()));
    }

    [Fact]
    public void Negative_allowed_lateness_should_be_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Tumbling(10).AllowedLateness(Ms(-1)));
    }

    [Fact]
    public void The_operator_name_should_describe_assigner_trigger_and_function()
    {
        var stream = Tumbling(10).Reduce(Sum);

        Assert.Equal("Window(TumblingEventTimeWindows(10), EventTimeTrigger(), Reduce)", stream.Transformation.Name);
    }

    private sealed class DescribeReduced : ProcessWindowFunction<(string Key, long Value), string, string, TimeWindow>
    {
        public override void Process(string key, Context context, IEnumerable<(string Key, long Value)> elements, ICollector<string> output)
        {
            var all = elements.ToList();
            output.Collect($"{key}@{context.Window.Start}: {all[0].Value} ({all.Count} element)");
        }
    }

    private sealed class DescribeAverage : ProcessWindowFunction<double, string, string, TimeWindow>
    {
        public override void Process(string key, Context context, IEnumerable<double> elements, ICollector<string> output) =>
            output.Collect($"{key} avg {elements.Single()} in [{context.Window.Start},{context.Window.End})");
    }

    private sealed class CountFirings : ProcessWindowFunction<(string Key, long Value), string, string, TimeWindow>
    {
        private static readonly ValueStateDescriptor<int> Firings = new("firings");
        private static readonly ValueStateDescriptor<int> Total = new("total");

        public override void Process(string key, Context context, IEnumerable<(string Key, long Value)> elements, ICollector<string> output)
        {
            var firings = context.WindowState.GetState(Firings);
            var total = context.GlobalState.GetState(Total);
            firings.Update(firings.Value() + 1);
            total.Update(total.Value() + 1);
            output.Collect($"[{context.Window.Start},{context.Window.End}) firing {firings.Value()} of {total.Value()}");
        }

        public override void Clear(Context context) => context.WindowState.GetState(Firings).Clear();
    }

    private sealed class SplitSmall(OutputTag<long> small) : ProcessWindowFunction<(string Key, long Value), string, string, TimeWindow>
    {
        public override void Process(string key, Context context, IEnumerable<(string Key, long Value)> elements, ICollector<string> output)
        {
            foreach (var (k, value) in elements)
            {
                if (value < 10)
                    context.Output(small, value);
                else
                    output.Collect($"{k}:{value}");
            }
        }
    }

    private sealed class Lifecycle : ProcessWindowFunction<(string Key, long Value), string, string, TimeWindow>
    {
        public List<string> Log { get; } = [];

        public override void Open() => Log.Add($"opened {RuntimeContext.TaskName}");

        public override void Process(string key, Context context, IEnumerable<(string Key, long Value)> elements, ICollector<string> output) =>
            Log.Add("fired");

        public override void Close() => Log.Add("closed");
    }

    private sealed class RichSum : RichFunction, IReduceFunction<(string Key, long Value)>
    {
        public (string Key, long Value) Reduce((string Key, long Value) accumulated, (string Key, long Value) value) => Sum(accumulated, value);
    }

    private sealed class RichAverage : RichFunction, IAggregateFunction<(string Key, long Value), (long Sum, long Count), double>
    {
        private readonly Average _average = new();

        public (long Sum, long Count) CreateAccumulator() => _average.CreateAccumulator();

        public (long Sum, long Count) Add((string Key, long Value) value, (long Sum, long Count) accumulator) => _average.Add(value, accumulator);

        public double GetResult((long Sum, long Count) accumulator) => _average.GetResult(accumulator);

        public (long Sum, long Count) Merge((long Sum, long Count) a, (long Sum, long Count) b) => _average.Merge(a, b);
    }
}
