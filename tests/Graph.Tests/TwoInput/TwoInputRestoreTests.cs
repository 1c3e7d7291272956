using ActorStream.Graph.Keys;
using ActorStream.Graph.Operators;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.TwoInput;

/// <summary>Two-input keyed operators restore their keyed state and timers; the broadcast operator also its broadcast state.</summary>
public sealed class TwoInputRestoreTests
{
    private static readonly MapStateDescriptor<string, int> Thresholds = ThresholdAlerts.Thresholds;

    private sealed class Describe : ProcessJoinFunction<(int Key, long Ts), (int Key, long Ts), string>
    {
        public override void ProcessElement((int Key, long Ts) left, (int Key, long Ts) right, Context context, ICollector<string> output) =>
            output.Collect($"{left.Key}:{left.Ts}-{right.Ts}");
    }

    /// <summary>Input 1 stores the latest value of its key; input 2 reports it now and again 10 ms later (event time).</summary>
    private sealed class LatestAndLater : KeyedCoProcessFunction<string, (string Key, int Value), string, string>
    {
        private IValueState<int> _latest = null!;

        public override void Open() => _latest = RuntimeContext.GetState(new ValueStateDescriptor<int>("latest"));

        public override void ProcessElement1((string Key, int Value) value, Context context, ICollector<string> output) =>
            _latest.Update(value.Value);

        public override void ProcessElement2(string value, Context context, ICollector<string> output)
        {
            output.Collect($"{value}={_latest.Value()}");
            context.TimerService.RegisterEventTimeTimer(context.Timestamp!.Value + 10);
        }

        public override void OnTimer(long timestamp, OnTimerContext context, ICollector<string> output) =>
            output.Collect($"{context.CurrentKey}@{timestamp}={_latest.Value()}");
    }

    private static TwoInputOperatorHarness<(string Key, int Value), (string Key, int Value), string> Broadcast(OperatorContext? context = null) =>
        new(new KeyedBroadcastProcessOperator<string, (string Key, int Value), (string Key, int Value), string>(
            new ThresholdAlerts(clearOnReport: false), e => e.Key, [Thresholds]), context);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void An_interval_join_should_produce_the_same_pairs_with_a_failure_anywhere(int seed)
    {
        var random = new Random(seed);
        List<Action<TwoInputOperatorHarness<(int Key, long Ts), (int Key, long Ts), string>>> steps = [];
        long clock = 0;
        for (var i = 0; i < 120; i++)
        {
            clock += random.Next(0, 3);
            var element = (Key: random.Next(4), Ts: clock - random.Next(0, 8));
            if (random.Next(2) == 0)
                steps.Add(h => h.ProcessElement1(element, element.Ts));
            else
                steps.Add(h => h.ProcessElement2(element, element.Ts));
            if (i % 10 == 9)
            {
                var watermark = clock - 10;
                steps.Add(h => h.ProcessWatermark(watermark));
            }
        }
        TwoInputOperatorHarness<(int Key, long Ts), (int Key, long Ts), string> Create(OperatorContext context) =>
            new(new IntervalJoinOperator<int, (int Key, long Ts), (int Key, long Ts), string>(
                new Describe(), new IntervalJoinBounds(-3, 4, null, null), l => l.Key, r => r.Key), context);

        var expected = FailureScenario.Run(Create, steps, failAfter: null);
        Assert.NotEmpty(expected.OfType<RecordEmitted>());
        for (var failAfter = 0; failAfter <= steps.Count; failAfter += 7)
        {
            // Pairs found by one element come in buffer order, which a restore may change; the pairs themselves may not.
            Assert.Equal(
                expected.Select(e => e.ToString()).Order(StringComparer.Ordinal),
                FailureScenario.Run(Create, steps, failAfter).Select(e => e.ToString()).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void A_keyed_co_process_operator_should_resume_with_its_state_and_timers()
    {
        static Action<TwoInputOperatorHarness<(string Key, int Value), string, string>> Value(string key, int value, long ts) =>
            h => h.ProcessElement1((key, value), ts);
        static Action<TwoInputOperatorHarness<(string Key, int Value), string, string>> Ask(string key, long ts) =>
            h => h.ProcessElement2(key, ts);
        static Action<TwoInputOperatorHarness<(string Key, int Value), string, string>> Watermark(long watermark) =>
            h => h.ProcessWatermark(watermark);

        FailureScenario.AssertSameOutputWithFailureAnywhere(
            context => new TwoInputOperatorHarness<(string Key, int Value), string, string>(
                new KeyedCoProcessOperator<string, (string Key, int Value), string, string>(new LatestAndLater(), e => e.Key, k => k), context),
            [
                Value("a", 1, 1), Ask("a", 2), Value("b", 5, 3), Watermark(5), Value("a", 2, 6), Ask("b", 7), Ask("c", 8),
                Watermark(12), Value("b", 6, 13), Watermark(30),
            ]);
    }

    [Fact]
    public void Broadcast_and_keyed_state_should_survive_a_restore()
    {
        var harness = Broadcast().Open();
        harness.ProcessElement2(("a", 2), 1);
        harness.ProcessElement1(("a", 5), 2);
        harness.ProcessElement1(("b", 9), 3);
        var snapshot = harness.Snapshot(1);

        var restored = Broadcast().InitializeState(snapshot).Open();
        restored.ProcessElement1(("a", 3), 4);
        restored.ProcessElement1(("a", 1), 5);
        restored.ProcessElement2(("report", 0), 6);

        Assert.Equal(["a:5>2"], harness.Values);
        Assert.Equal(new[] { "a:3>2", "a seen 3", "b seen 1" }.Order(), restored.Values.Order());
    }

    [Fact]
    public void Every_subtask_after_a_rescale_should_get_the_same_broadcast_state_and_its_own_keys()
    {
        var keys = Enumerable.Range(0, 60).Select(i => $"k{i}").ToList();
        var old = Enumerable.Range(0, 2).Select(i => Broadcast(OperatorHarness.Subtask(i, 2)).Open()).ToList();
        foreach (var subtask in old)
            subtask.ProcessElement2(("k1", 100), 1);
        foreach (var key in keys)
            old[KeyGroupRangeAssignment.AssignKeyToParallelOperator(key, 128, 2)].ProcessElement1((key, 1), 2);
        var snapshots = old.Select(h => h.Snapshot(1)).ToArray();

        List<string> reports = [];
        for (var i = 0; i < 3; i++)
        {
            var restored = Broadcast(OperatorHarness.Subtask(i, 3)).InitializeState(snapshots).Open();
            var mine = keys.Where(k => KeyGroupRangeAssignment.AssignKeyToParallelOperator(k, 128, 3) == i).ToList();
            if (mine.Contains("k1"))
                restored.ProcessElement1(("k1", 101), 3);
            restored.ProcessElement2(("report", 0), 4);
            Assert.Equal(mine.Select(k => $"{k} seen {(k == "k1" ? 2 : 1)}").Order(), restored.Values.Where(v => v.Contains(" seen ")).Order());
            reports.AddRange(restored.Values);
        }
        Assert.Contains("k1:101>100", reports);
        Assert.Equal(keys.Count + 1, reports.Count);
    }

    [Fact]
    public void Broadcast_state_not_read_since_the_restore_should_be_kept_for_the_next_checkpoint()
    {
        var harness = Broadcast().Open();
        harness.ProcessElement2(("a", 2), 1);

        var untouched = Broadcast().InitializeState(harness.Snapshot(1)).Open();
        var again = Broadcast().InitializeState(untouched.Snapshot(2)).Open();
        again.ProcessElement1(("a", 3), 2);

        Assert.Equal(["a:3>2"], again.Values);
    }

    [Fact]
    public void An_operator_without_broadcast_state_should_write_no_operator_state()
    {
        Assert.Null(Broadcast().Open().Snapshot(1).OperatorState);
    }
}
