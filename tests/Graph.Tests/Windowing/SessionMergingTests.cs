using ActorStream.Graph.Operators;
using ActorStream.Graph.Operators.Timers;
using ActorStream.Graph.Operators.Windowing;
using ActorStream.Graph.State;
using ActorStream.Graph.Tests.Harness;
using ActorStream.Graph.Windowing;
using static ActorStream.Graph.Tests.Windowing.WindowTestKit;

namespace ActorStream.Graph.Tests.Windowing;

/// <summary>
/// The merging of session windows: the built-in session assigners merge in the operator without calling the assigner,
/// which must give exactly what the assigner's own merge (Flink's MergingWindowSet over TimeWindow.mergeWindows) gives;
/// user-written merging assigners merge through their MergeWindows; merging sets of the earlier map layout restore.
/// </summary>
public sealed class SessionMergingTests
{
    private static readonly OutputTag<(string Key, long Value)> Late = new("late");

    [Fact]
    public void Built_in_sessions_should_merge_exactly_as_the_assigners_own_merge_under_interleaved_keys_lateness_and_a_restore()
    {
        var steps = RandomScript(seed: 17, count: 400);
        var builtIn = Keyed().Window(EventTimeSessionWindows.WithGap(Ms(10))).AllowedLateness(Ms(5)).SideOutputLateData(Late)
            .Process(new DescribeWindow());
        var userWritten = Keyed().Window(new UserSessions(10)).AllowedLateness(Ms(5)).SideOutputLateData(Late).Process(new DescribeWindow());

        var expected = FailureScenario.Run(() => OperatorHarness.CreateOperator<(string Key, long Value), string>(userWritten.Transformation), steps, null);
        var actual = FailureScenario.Run(() => OperatorHarness.CreateOperator<(string Key, long Value), string>(builtIn.Transformation), steps, null);
        var restored = FailureScenario.Run(
            () => OperatorHarness.CreateOperator<(string Key, long Value), string>(builtIn.Transformation), steps, steps.Count / 2);

        Assert.Equal(expected, actual);
        Assert.Equal(expected, restored);
        // The script exercises what it claims: late elements, sessions merged from several elements, re-firings.
        Assert.Contains(expected, e => e is SideRecordEmitted);
        Assert.Contains(expected, e => e is RecordEmitted { Value: string s } && s.Split(':')[2].Split(',').Length >= 4);
        Assert.True(expected.OfType<RecordEmitted>().Count() > 50);
    }

    [Fact]
    public void A_late_element_within_the_allowed_lateness_should_merge_into_a_fired_session_and_fire_it_again()
    {
        var harness = HarnessOf(Keyed().Window(EventTimeSessionWindows.WithGap(Ms(10))).AllowedLateness(Ms(20)).SideOutputLateData(Late)
            .Process(new DescribeWindow()));
        var op = Assert.IsAssignableFrom<WindowOperator<string, (string Key, long Value), IEnumerable<(string Key, long Value)>, string, TimeWindow>>(
            harness.Operator);
        harness.Feed(("a", 1, 0));
        harness.ProcessWatermark(15);

        harness.Feed(("a", 2, 5), ("b", 3, 3)); // [5,15) merges into the fired [0,10); b's [3,13) is behind the watermark too
        harness.ProcessWatermark(40); // the cleanups at 14 + 20 and 12 + 20 drop both sessions
        harness.Feed(("a", 4, 8)); // [8,18) would be cleaned at 37: too late

        Assert.Equal([At("a:0-10:1", 9), At("a:0-15:1,2", 14), At("b:3-13:3", 12)], harness.Records);
        Assert.Equal([At(("a", 4L), 8)], harness.Output.SideOutput(Late));
        Assert.Equal(0, StateEntries(op.KeyedState));
        Assert.Empty(op.Timers.EventTimers);
    }

    [Fact]
    public void Session_windows_should_restore_merging_sets_written_in_the_earlier_map_layout()
    {
        // The state a session window operator wrote before merging sets were one value per key: a map state
        // "merging-window-set" of window -> state window, next to the contents and timers, which did not change.
        var context = OperatorContext.ForTest();
        var backend = HeapKeyedStateBackend<string>.For(context);
        var mapping = backend.GetMapState(new MapStateDescriptor<TimeWindow, TimeWindow>("merging-window-set"));
        var contents = backend.GetMapState(new MapStateDescriptor<TimeWindow, (long Sum, long Count)>("window-contents"));
        var timers = new InternalTimerService<string, TimeWindow>(WindowOperator<string, int, int, int, TimeWindow>.TimerServiceName, backend,
            context.ProcessingTime, new NoTimers());
        backend.SetCurrentKey("a");
        mapping.Put(new TimeWindow(0, 15), new TimeWindow(0, 10)); // [0,10) and [5,15) merged, contents kept in [0,10)
        contents.Put(new TimeWindow(0, 10), (3, 2));
        timers.RegisterEventTimeTimer(new TimeWindow(0, 15), 14);
        backend.SetCurrentKey("b");
        mapping.Put(new TimeWindow(4, 14), new TimeWindow(4, 14));
        contents.Put(new TimeWindow(4, 14), (5, 1));
        timers.RegisterEventTimeTimer(new TimeWindow(4, 14), 13);
        var snapshot = new OperatorSnapshot(1, null, backend.KeyGroups.KeyGroups.ToDictionary(g => g, backend.SnapshotKeyGroup));

        var harness = OperatorHarness.ForStream<(string Key, long Value), double>(
            Keyed().Window(EventTimeSessionWindows.WithGap(Ms(10))).Aggregate(new Average()), OperatorContext.ForTest());
        harness.InitializeState(snapshot).Open();
        var op = Assert.IsAssignableFrom<WindowOperator<string, (string Key, long Value), double, double, TimeWindow>>(harness.Operator);
        harness.Feed(("a", 6, 12)); // extends [0,15) to [0,22)
        harness.ProcessWatermark(100);

        Assert.Equal([At(5.0, 13), At(3.0, 21)], harness.Records);
        Assert.Equal(0, StateEntries(op.KeyedState));
        Assert.Empty(op.Timers.EventTimers);
    }

    [Fact]
    public void A_user_written_merging_assigner_should_merge_through_its_MergeWindows()
    {
        var harness = HarnessOf(Keyed().Window(new HundredBuckets()).Process(new DescribeWindow()));
        harness.Feed(("a", 1, 5), ("b", 2, 60), ("a", 3, 50), ("a", 4, 150), ("a", 5, 20));

        harness.ProcessWatermark(1_000);

        Assert.Equal([At("a:5-51:1,3,5", 50), At("b:60-61:2", 60), At("a:150-151:4", 150)], harness.Records);
    }

    private static List<Action<OperatorHarness<(string Key, long Value), string>>> RandomScript(int seed, int count)
    {
        var random = new Random(seed);
        string[] keys = ["a", "b", "c"];
        var watermark = 0L;
        List<Action<OperatorHarness<(string Key, long Value), string>>> steps = [];
        for (var i = 0; i < count; i++)
        {
            if (random.Next(5) == 0)
            {
                var next = watermark += random.Next(1, 12);
                steps.Add(h => h.ProcessWatermark(next));
                continue;
            }
            var (key, value, timestamp) = (keys[random.Next(keys.Length)], (long)i, watermark + random.Next(-20, 25));
            steps.Add(h => h.ProcessElement((key, value), timestamp));
        }
        var end = watermark + 1_000;
        steps.Add(h => h.ProcessWatermark(end));
        return steps;
    }

    /// <summary>Event-time sessions written by a user: the operator cannot know they merge like the built-in ones.</summary>
    private sealed class UserSessions(long gap) : MergingWindowAssigner<(string Key, long Value), TimeWindow>
    {
        public override IReadOnlyList<TimeWindow> AssignWindows((string Key, long Value) element, long timestamp, IWindowAssignerContext context) =>
            [new TimeWindow(timestamp, timestamp + gap)];

        public override void MergeWindows(IReadOnlyCollection<TimeWindow> windows, MergeCallback<TimeWindow> callback) =>
            TimeWindow.MergeWindows(windows, callback);

        public override Trigger<(string Key, long Value), TimeWindow> GetDefaultTrigger() => EventTimeTrigger.Create();

        public override bool IsEventTime => true;
    }

    /// <summary>One-millisecond windows that merge when they start in the same hundred milliseconds, touching or not.</summary>
    private sealed class HundredBuckets : MergingWindowAssigner<(string Key, long Value), TimeWindow>
    {
        public override IReadOnlyList<TimeWindow> AssignWindows((string Key, long Value) element, long timestamp, IWindowAssignerContext context) =>
            [new TimeWindow(timestamp, timestamp + 1)];

        public override void MergeWindows(IReadOnlyCollection<TimeWindow> windows, MergeCallback<TimeWindow> callback)
        {
            foreach (var bucket in windows.GroupBy(w => w.Start / 100).Where(g => g.Count() > 1))
                callback([.. bucket], new TimeWindow(bucket.Min(w => w.Start), bucket.Max(w => w.End)));
        }

        public override Trigger<(string Key, long Value), TimeWindow> GetDefaultTrigger() => EventTimeTrigger.Create();

        public override bool IsEventTime => true;
    }

    private sealed class NoTimers : ITriggerable<string, TimeWindow>
    {
        public void OnEventTime(InternalTimer<string, TimeWindow> timer) => throw new InvalidOperationException("No timer fires here.");

        public void OnProcessingTime(InternalTimer<string, TimeWindow> timer) => throw new InvalidOperationException("No timer fires here.");
    }
}
