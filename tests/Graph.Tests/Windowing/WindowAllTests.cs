using ActorStream.Graph.Plan;
using ActorStream.Graph.Windowing;
using static ActorStream.Graph.Tests.Windowing.WindowTestKit;

namespace ActorStream.Graph.Tests.Windowing;

public sealed class WindowAllTests
{
    [Fact]
    public void WindowAll_should_put_elements_of_all_keys_into_one_window()
    {
        var harness = HarnessOf(Source().WindowAll(TumblingEventTimeWindows.Of(Ms(10))).Process(new DescribeAll()));
        harness.Feed(("a", 1, 1), ("b", 2, 2), ("c", 3, 12));

        harness.ProcessWatermark(100);

        Assert.Equal([At("[0,10): a1 b2", 9), At("[10,20): c3", 19)], harness.Records);
    }

    [Fact]
    public void WindowAll_should_reduce_and_aggregate_over_all_elements()
    {
        var reduced = HarnessOf(Source().WindowAll(TumblingEventTimeWindows.Of(Ms(10))).Reduce((x, y) => ("all", x.Value + y.Value)));
        reduced.Feed(("a", 1, 1), ("b", 2, 2));
        reduced.ProcessWatermark(9);
        Assert.Equal([At(("all", 3L), 9)], reduced.Records);

        var averaged = HarnessOf(Source().WindowAll(GlobalWindows.Create()).Trigger(CountTrigger.Of(3)).Aggregate(new Average()));
        averaged.ProcessElements(("a", 1), ("b", 2), ("c", 6));
        Assert.Equal([3.0], averaged.Values);
    }

    [Fact]
    public void WindowAll_should_run_with_parallelism_one_after_a_key_partition()
    {
        var env = StreamExecutionEnvironment.Create();
        env.Parallelism = 4;
        var windowed = env.FromCollection(Array.Empty<(string Key, long Value)>())
            .WindowAll(TumblingEventTimeWindows.Of(Ms(10)))
            .Reduce(Sum);
        windowed.Print();

        var graph = env.GetJobGraph();

        Assert.Equal(1, windowed.Transformation.Parallelism);
        var window = Assert.Single(graph.Vertices, v => v.Name.StartsWith("Window(", StringComparison.Ordinal));
        Assert.Equal(1, window.Parallelism);
        Assert.IsType<PartitionTransformation>(Assert.Single(windowed.Transformation.Inputs));
    }

    private sealed class DescribeAll : ProcessAllWindowFunction<(string Key, long Value), string, TimeWindow>
    {
        public override void Process(Context context, IEnumerable<(string Key, long Value)> elements, ICollector<string> output) =>
            output.Collect($"[{context.Window.Start},{context.Window.End}): {string.Join(" ", elements.Select(e => $"{e.Key}{e.Value}"))}");
    }
}
