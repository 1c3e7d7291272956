using ActorStream.Graph.Operators;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.Time;

/// <summary>Timers are keyed state: restored with their key groups, they fire after a restore exactly as in a run without failure.</summary>
public sealed class TimerRestoreTests
{
    private static readonly ValueStateDescriptor<long> SumDescriptor = new("sum");

    /// <summary>
    /// Sums each key's values; an element registers an event-time timer at its timestamp + 10 and a processing-time timer
    /// 5 + value ms from now; a negative value deletes the key's event-time timer at -value. Timers report the sum.
    /// </summary>
    private sealed class Reminders : KeyedProcessFunction<string, (string Key, long Value), string>
    {
        private IValueState<long> _sum = null!;

        public override void Open() => _sum = RuntimeContext.GetState(SumDescriptor);

        public override void ProcessElement((string Key, long Value) value, Context context, ICollector<string> output)
        {
            if (value.Value < 0)
            {
                context.TimerService.DeleteEventTimeTimer(-value.Value);
                return;
            }
            _sum.Update(_sum.Value() + value.Value);
            context.TimerService.RegisterEventTimeTimer(context.Timestamp!.Value + 10);
            context.TimerService.RegisterProcessingTimeTimer(context.TimerService.CurrentProcessingTime() + 5 + value.Value);
        }

        public override void OnTimer(long timestamp, OnTimerContext context, ICollector<string> output) =>
            output.Collect($"{context.CurrentKey}:{context.TimeDomain}@{timestamp}={_sum.Value()}");
    }

    private static KeyedProcessOperator<string, (string Key, long Value), string> Operator() => new(new Reminders(), e => e.Key);

    private static Action<OperatorHarness<(string Key, long Value), string>> Element(string key, long value, long timestamp) =>
        h => h.ProcessElement((key, value), timestamp);

    private static Action<OperatorHarness<(string Key, long Value), string>> Watermark(long watermark) => h => h.ProcessWatermark(watermark);

    private static Action<OperatorHarness<(string Key, long Value), string>> Clock(long now) => h => h.Clock.AdvanceTo(now);

    [Fact]
    public void Event_and_processing_time_timers_should_fire_after_a_restore_as_without_the_failure()
    {
        FailureScenario.AssertSameOutputWithFailureAnywhere(Operator,
        [
            Element("a", 1, 100), Element("b", 2, 100), Element("c", 3, 105), Clock(3),
            Element("a", 4, 103), Watermark(104), Element("d", 1, 120), Element("b", -110, 121),
            Clock(7), Watermark(112), Element("c", 1, 130), Clock(20), Watermark(200), Clock(40),
        ]);
    }

    [Fact]
    public void Timers_of_equal_time_should_fire_in_registration_order_also_after_a_restore()
    {
        var keys = Enumerable.Range(0, 40).Select(i => $"key-{i}").ToList();
        List<Action<OperatorHarness<(string Key, long Value), string>>> steps = [.. keys.Select(k => Element(k, 0, 90))];
        steps.Add(Watermark(100));
        steps.Add(Clock(10));

        FailureScenario.AssertSameOutputWithFailureAnywhere(Operator, steps);
        Assert.Equal(keys.Select(k => $"{k}:EventTime@100=0"),
            FailureScenario.Run(Operator, steps, failAfter: 20).OfType<RecordEmitted>().Select(r => (string)r.Value!).Take(keys.Count));
    }

    [Fact]
    public void A_restored_processing_time_timer_should_schedule_its_wake_up_at_open()
    {
        var harness = OperatorHarness.For(Operator(), OperatorHarness.Subtask(now: 1_000)).Open();
        harness.ProcessElement(("a", 10), 1);
        var snapshot = harness.Snapshot(1);

        var restored = OperatorHarness.For(Operator(), OperatorHarness.Subtask(now: 1_000)).InitializeState(snapshot).Open();

        Assert.Equal(1, restored.Clock.Pending);
        restored.Clock.AdvanceTo(1_014);
        Assert.Empty(restored.Values);
        restored.Clock.AdvanceTo(1_015);
        Assert.Equal(["a:ProcessingTime@1015=10"], restored.Values);
    }

    [Fact]
    public void A_processing_time_timer_that_became_due_during_the_outage_should_fire_at_the_first_clock_tick()
    {
        var harness = OperatorHarness.For(Operator(), OperatorHarness.Subtask(now: 0)).Open();
        harness.ProcessElement(("a", 1), 1);
        var snapshot = harness.Snapshot(1);

        var restored = OperatorHarness.For(Operator(), OperatorHarness.Subtask(now: 60_000)).InitializeState(snapshot).Open();
        restored.Clock.AdvanceTo(60_000);

        Assert.Equal(["a:ProcessingTime@6=1"], restored.Values);
    }
}
