using ActorStream.Graph.Keys;
using ActorStream.Graph.Operators.Windowing;
using ActorStream.Graph.Operators.Windowing.Slicing;
using ActorStream.Graph.Tests.Harness;
using ActorStream.Graph.Windowing;
using static ActorStream.Graph.Tests.Windowing.WindowTestKit;

namespace ActorStream.Graph.Tests.Windowing;

/// <summary>
/// Sliding windows aggregated by slices give exactly the window operator's results: the same records with the same
/// timestamps before the same watermarks, the same late records, and state that restores and rescales.
/// </summary>
public sealed class WindowSlicingTests
{
    private static readonly OutputTag<(string Key, long Value)> Late = new("late");

    /// <summary>(key, value, timestamp) elements, or a watermark when Key is null.</summary>
    private sealed record Step(string? Key, long Value, long Time);

    /// <summary>A sum and a count; Merge adds the first into the second and returns it, as Flink's contract allows.</summary>
    private sealed class SumCount : IAggregateFunction<(string Key, long Value), long[], string>
    {
        public long[] CreateAccumulator() => new long[2];

        public long[] Add((string Key, long Value) value, long[] accumulator)
        {
            accumulator[0] += value.Value;
            accumulator[1]++;
            return accumulator;
        }

        public string GetResult(long[] accumulator) => $"{accumulator[0]}/{accumulator[1]}";

        public long[] Merge(long[] a, long[] b)
        {
            b[0] += a[0];
            b[1] += a[1];
            return b;
        }
    }

    private sealed class Describe : ProcessWindowFunction<string, string, string, TimeWindow>
    {
        public override void Process(string key, Context context, IEnumerable<string> elements, ICollector<string> output) =>
            output.Collect($"{key}@{context.Window.Start}-{context.Window.End}={elements.Single()}");
    }

    private static List<Step> RandomSteps(int seed, int count)
    {
        var random = new Random(seed);
        var steps = new List<Step>();
        long watermark = -100;
        for (var i = 0; i < count; i++)
        {
            if (random.Next(8) == 0)
            {
                watermark += random.Next(0, 25);
                steps.Add(new Step(null, 0, watermark));
            }
            else
            {
                // Out of order around the watermark: some late, some far ahead.
                steps.Add(new Step($"k{random.Next(6)}", random.Next(1, 100), watermark + random.Next(-30, 60)));
            }
        }
        steps.Add(new Step(null, 0, long.MaxValue));
        return steps;
    }

    private static WindowedStream<(string Key, long Value), string, TimeWindow> Sliding(long size, long slide, long offset = 0) =>
        Keyed().Window(SlidingEventTimeWindows.Of(Ms(size), Ms(slide), Ms(offset)));

    /// <summary>The events in order, each run between two watermarks sorted: no order among one watermark's results is promised.</summary>
    private static List<string> Segments<TOut>(OperatorHarness<(string Key, long Value), TOut> harness)
    {
        var result = new List<string>();
        var segment = new List<string>();
        foreach (var e in harness.Events)
        {
            if (e is WatermarkEmitted w)
            {
                result.AddRange(segment.Order(StringComparer.Ordinal));
                segment.Clear();
                result.Add($"W{w.Watermark}");
            }
            else
            {
                segment.Add(e.ToString());
            }
        }
        result.AddRange(segment.Order(StringComparer.Ordinal));
        return result;
    }

    private static OperatorHarness<(string Key, long Value), TOut> Run<TOut>(DataStream<TOut> stream, IEnumerable<Step> steps)
    {
        var harness = HarnessOf(stream);
        foreach (var step in steps)
        {
            if (step.Key is null)
                harness.ProcessWatermark(step.Time);
            else
                harness.ProcessElement((step.Key, step.Value), step.Time);
        }
        return harness;
    }

    public static TheoryData<long, long, long, int> Shapes => new()
    {
        { 10, 5, 0, 1 }, { 10, 2, 0, 2 }, { 12, 4, 3, 3 }, { 6, 6, 0, 4 }, { 30, 5, -2, 5 }, { 10, 1, 0, 6 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Sliced_reduce_should_emit_exactly_what_whole_windows_emit(long size, long slide, long offset, int seed)
    {
        var steps = RandomSteps(seed, 600);
        var sliced = Run(Sliding(size, slide, offset).SideOutputLateData(Late).Reduce(Sum), steps);
        var whole = Run(Sliding(size, slide, offset).SideOutputLateData(Late).Slicing(false).Reduce(Sum), steps);

        Assert.IsType<SlicingWindowOperator<string, (string Key, long Value), (string Key, long Value), (string Key, long Value)>>(sliced.Operator);
        Assert.IsType<WindowOperator<string, (string Key, long Value), (string Key, long Value), (string Key, long Value), TimeWindow>>(whole.Operator);
        Assert.NotEmpty(whole.Output.SideOutput(Late));
        Assert.Equal(Segments(whole), Segments(sliced));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Sliced_aggregate_with_a_window_function_should_emit_exactly_what_whole_windows_emit(long size, long slide, long offset, int seed)
    {
        var steps = RandomSteps(seed, 600);
        var sliced = Run(Sliding(size, slide, offset).Aggregate(new SumCount(), new Describe()), steps);
        var whole = Run(Sliding(size, slide, offset).Slicing(false).Aggregate(new SumCount(), new Describe()), steps);

        Assert.Equal(Segments(whole), Segments(sliced));
        Assert.Equal(whole.Counter("numLateRecordsDropped"), sliced.Counter("numLateRecordsDropped"));
        Assert.True(sliced.Counter("numLateRecordsDropped") > 0);
    }

    [Fact]
    public void A_record_should_update_one_slice_and_each_window_merge_its_slices()
    {
        var harness = HarnessOf(Sliding(10, 5).Aggregate(new SumCount(), new Describe()));
        harness.Feed(("a", 1, 3), ("a", 2, 7), ("a", 4, 12));
        var op = (SlicingWindowOperator<string, (string Key, long Value), string, string>)harness.Operator;

        // The slices [0,5), [5,10) and [10,15) of "a" hold 1, 2 and 4, each with a timer at its first window's end;
        // the windows after those are armed as their predecessors fire.
        Assert.Equal(["a"], op.KeyedState.GetKeys(WindowSlicing.SliceStateName));
        Assert.Equal([4L, 9, 14], op.Timers.EventTimers.Select(t => t.Timestamp).Order());

        harness.ProcessWatermark(100);

        Assert.Equal(["a@-5-5=1/1", "a@0-10=3/2", "a@5-15=6/2", "a@10-20=4/1"], harness.Values);
        Assert.Equal([4L, 9, 14, 19], harness.Records.Select(r => r.Timestamp));
    }

    [Fact]
    public void Slices_and_timers_should_be_gone_once_every_window_of_a_key_fired()
    {
        var harness = HarnessOf(Sliding(10, 5).Reduce(Sum));
        harness.Feed(("a", 1, 3), ("b", 2, 7), ("a", 4, 31));
        var op = (SlicingWindowOperator<string, (string Key, long Value), (string Key, long Value), (string Key, long Value)>)harness.Operator;

        harness.ProcessWatermark(20);
        Assert.Equal(1, StateEntries(op.KeyedState));
        Assert.Equal([34L], op.Timers.EventTimers.Select(t => t.Timestamp));

        harness.ProcessWatermark(40);
        Assert.Equal(0, StateEntries(op.KeyedState));
        Assert.Equal(0, op.Timers.Count);
        Assert.Equal([At(("a", 1L), 4), At(("a", 1L), 9), At(("b", 2L), 9), At(("b", 2L), 14), At(("a", 4L), 34), At(("a", 4L), 39)],
            harness.Records.OrderBy(r => r.Timestamp).ThenBy(r => r.Value.Key));
    }

    [Fact]
    public void Windows_that_cannot_be_sliced_should_stay_whole()
    {
        static Type OperatorOf<TOut>(DataStream<TOut> stream) => HarnessOf(stream).Operator.GetType().GetGenericTypeDefinition();

        Assert.Equal(typeof(SlicingWindowOperator<,,,>), OperatorOf(Sliding(10, 5).Reduce(Sum)));
        Assert.Equal(typeof(WindowOperator<,,,,>), OperatorOf(Sliding(10, 4).Reduce(Sum)));
        Assert.Equal(typeof(WindowOperator<,,,,>), OperatorOf(Sliding(10, 5).AllowedLateness(Ms(1)).Reduce(Sum)));
        Assert.Equal(typeof(WindowOperator<,,,,>), OperatorOf(Sliding(10, 5).Trigger(CountTrigger.Of(2)).Reduce(Sum)));
        Assert.Equal(typeof(EvictingWindowOperator<,,,>), OperatorOf(Sliding(10, 5).Evictor(CountEvictor.Of(2)).Reduce(Sum)));
        Assert.Equal(typeof(WindowOperator<,,,,>), OperatorOf(Sliding(10, 5).Process(new DescribeWindow())));
        Assert.Equal(typeof(WindowOperator<,,,,>), OperatorOf(Keyed().Window(TumblingEventTimeWindows.Of(Ms(10))).Reduce(Sum)));
    }

    [Fact]
    public void Sliced_windows_should_resume_with_their_slices_and_timers_after_a_failure_anywhere()
    {
        var steps = RandomSteps(7, 120)
            .Select(step => (Action<OperatorHarness<(string Key, long Value), string>>)(step.Key is null
                ? h => h.ProcessWatermark(step.Time)
                : h => h.ProcessElement((step.Key, step.Value), step.Time)))
            .ToArray();
        var stream = Sliding(10, 2).SideOutputLateData(Late).Aggregate(new SumCount(), new Describe());

        FailureScenario.AssertSameOutputWithFailureAnywhere(
            () => OperatorHarness.CreateOperator<(string Key, long Value), string>(stream.Transformation), steps);
    }

    [Fact]
    public void Sliced_windows_should_rescale_from_2_to_3_to_1_subtasks()
    {
        var stream = Sliding(10, 5).Reduce(Sum);
        var keys = Enumerable.Range(0, 40).Select(i => $"k{i}").ToArray();
        List<OperatorHarness<(string Key, long Value), (string Key, long Value)>> Subtasks(int parallelism, params OperatorSnapshot[] from) =>
        [
            .. Enumerable.Range(0, parallelism).Select(i =>
                OperatorHarness.For(OperatorHarness.CreateOperator<(string Key, long Value), (string Key, long Value)>(stream.Transformation),
                    OperatorHarness.Subtask(i, parallelism)).InitializeState(from).Open()),
        ];
        void Feed(List<OperatorHarness<(string Key, long Value), (string Key, long Value)>> subtasks, long value, long time)
        {
            foreach (var key in keys)
                subtasks[KeyGroupRangeAssignment.AssignKeyToParallelOperator(key, 128, subtasks.Count)].ProcessElement((key, value), time);
        }

        var two = Subtasks(2);
        Feed(two, 1, 3);
        Feed(two, 10, 8);
        var three = Subtasks(3, [.. two.Select(h => h.Snapshot(1))]);
        Feed(three, 100, 12);
        var one = Subtasks(1, [.. three.Select(h => h.Snapshot(2))]);
        one[0].ProcessWatermark(long.MaxValue);

        // Per key: [-5,5) 1, [0,10) 11, [5,15) 110, [10,20) 100.
        var expected = keys.SelectMany(key => new[] { (key, 1L), (key, 11L), (key, 110L), (key, 100L) }).Order();
        Assert.Equal(expected, one[0].Values.Order());
    }

    [Fact]
    public void Restoring_whole_windows_into_sliced_ones_should_fail_naming_the_fix()
    {
        var whole = HarnessOf(Sliding(10, 5).Slicing(false).Reduce(Sum));
        whole.Feed(("a", 1, 3));
        var snapshot = whole.Snapshot(1);

        var sliced = OperatorHarness.For(OperatorHarness.CreateOperator<(string Key, long Value), (string Key, long Value)>(
            Sliding(10, 5).Reduce(Sum).Transformation)).InitializeState(snapshot);

        var error = Assert.Throws<InvalidOperationException>(() => sliced.Open());
        Assert.Contains(".Slicing(false)", error.Message);
    }

    [Fact]
    public void Restoring_sliced_windows_into_whole_ones_should_fail_naming_the_fix()
    {
        var sliced = HarnessOf(Sliding(10, 5).Reduce(Sum));
        sliced.Feed(("a", 1, 3));
        var snapshot = sliced.Snapshot(1);

        var whole = OperatorHarness.For(OperatorHarness.CreateOperator<(string Key, long Value), (string Key, long Value)>(
            Sliding(10, 5).Slicing(false).Reduce(Sum).Transformation)).InitializeState(snapshot);

        var error = Assert.Throws<InvalidOperationException>(() => whole.Open());
        Assert.Contains("Remove .Slicing(false)", error.Message);
    }

    [Fact]
    public void Window_state_of_a_sliced_window_function_should_be_cleared_with_its_window()
    {
        var harness = HarnessOf(Sliding(10, 5).Aggregate(new SumCount(), new CountingDescribe()));
        harness.Feed(("a", 1, 3), ("a", 2, 7));
        harness.ProcessWatermark(100);
        var op = (SlicingWindowOperator<string, (string Key, long Value), string, string>)harness.Operator;

        Assert.Equal(["a:1/1:w1", "a:3/2:w1", "a:2/1:w1"], harness.Values);
        Assert.Equal(0, StateEntries(op.KeyedState));
    }

    private sealed class CountingDescribe : ProcessWindowFunction<string, string, string, TimeWindow>
    {
        private static readonly ValueStateDescriptor<int> Firings = new("firings");

        public override void Process(string key, Context context, IEnumerable<string> elements, ICollector<string> output)
        {
            var firings = context.WindowState.GetState(Firings);
            firings.Update(firings.Value() + 1);
            output.Collect($"{key}:{elements.Single()}:w{firings.Value()}");
        }

        public override void Clear(Context context) => context.WindowState.GetState(Firings).Clear();
    }
}
