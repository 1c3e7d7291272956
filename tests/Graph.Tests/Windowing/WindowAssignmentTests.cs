using ActorStream.Graph.Operators.Windowing;
using ActorStream.Graph.Tests.Harness;
using ActorStream.Graph.Windowing;
using static ActorStream.Graph.Tests.Windowing.WindowTestKit;

namespace ActorStream.Graph.Tests.Windowing;

/// <summary>
/// The operator reuses the windows a built-in assigner gave the previous element when the next one falls into the
/// same windows; user-written assigners go through their public AssignWindows; the cleanup timer the trigger already
/// registered is not registered twice, and is when the trigger took its timer back.
/// </summary>
public sealed class WindowAssignmentTests
{
    [Fact]
    public void Elements_of_one_slide_should_go_to_as_many_sliding_windows_as_contain_them_in_either_order()
    {
        // Size 10, slide 4: 8 and 9 lie in [0,10), [4,14) and [8,18); 11, with the same latest start, only in the last two.
        var harness = HarnessOf(Keyed().Window(SlidingEventTimeWindows.Of(Ms(10), Ms(4))).Process(new DescribeWindow()));
        harness.Feed(("a", 1, 8), ("a", 9, 9), ("a", 2, 11), ("a", 3, 12), ("b", 4, 11), ("b", 5, 8));

        harness.ProcessWatermark(100);

        Assert.Equal(
        [
            At("a:0-10:1,9", 9), At("b:0-10:5", 9), At("a:4-14:1,9,2,3", 13), At("b:4-14:4,5", 13), At("a:8-18:1,9,2,3", 17),
            At("b:8-18:4,5", 17), At("a:12-22:3", 21),
        ], harness.Records);
    }

    [Fact]
    public void Sliding_windows_smaller_than_their_slide_should_leave_elements_between_them_out()
    {
        var harness = HarnessOf(Keyed().Window(SlidingEventTimeWindows.Of(Ms(3), Ms(5))).Process(new DescribeWindow()));
        harness.Feed(("a", 1, 1), ("a", 2, 4), ("a", 3, 2), ("a", 4, 6));

        harness.ProcessWatermark(100);

        Assert.Equal([At("a:0-3:1,3", 2), At("a:5-8:4", 7)], harness.Records);
    }

    [Fact]
    public void Consecutive_tumbling_windows_should_each_get_their_own_elements()
    {
        var harness = HarnessOf(Keyed().Window(TumblingProcessingTimeWindows.Of(Ms(10))).Process(new DescribeWindow()));
        harness.Feed(("a", 1, 0), ("b", 2, 0));
        harness.Clock.AdvanceTo(10);
        harness.Feed(("a", 3, 0));
        harness.Clock.AdvanceTo(25);
        harness.Feed(("a", 4, 0), ("a", 5, 0));
        harness.Clock.AdvanceTo(40);

        Assert.Equal(["a:0-10:1", "b:0-10:2", "a:10-20:3", "a:20-30:4,5"], harness.Values);
    }

    [Fact]
    public void A_user_written_assigner_should_be_asked_for_every_element()
    {
        var harness = HarnessOf(Keyed().Window(new ValueWindows()).Process(new DescribeWindow()));
        harness.Feed(("a", 1, 0), ("a", 2, 0), ("a", 0, 3), ("b", 2, 7), ("a", 1, 9));

        harness.ProcessWatermark(100);

        // Value v goes to [10v, 10v + 10) and to [0, 100); value 0 to no window at all.
        Assert.Equal(
        [
            At("a:10-20:1,1", 19), At("a:20-30:2", 29), At("b:20-30:2", 29), At("a:0-100:1,2,1", 99), At("b:0-100:2", 99),
        ], harness.Records);
    }

    [Fact]
    public void A_trigger_that_takes_its_timer_back_should_leave_the_cleanup_timer_in_place()
    {
        var harness = HarnessOf(Keyed().Window(TumblingEventTimeWindows.Of(Ms(10))).Trigger(new RegistersAndDeletes()).Process(new DescribeWindow()));
        var op = Assert.IsAssignableFrom<WindowOperator<string, (string Key, long Value), IEnumerable<(string Key, long Value)>, string, TimeWindow>>(
            harness.Operator);
        harness.Feed(("a", 1, 3));

        Assert.Equal([(9L, new TimeWindow(0, 10))], op.Timers.EventTimers.Select(t => (t.Timestamp, t.Namespace)));
        harness.ProcessWatermark(9);
        Assert.Empty(harness.Records);
        Assert.Equal(0, StateEntries(op.KeyedState));
    }

    [Fact]
    public void The_default_trigger_and_the_cleanup_should_share_one_timer_per_window_without_lateness()
    {
        var harness = HarnessOf(Keyed().Window(TumblingEventTimeWindows.Of(Ms(10))).Process(new DescribeWindow()));
        var op = Assert.IsAssignableFrom<WindowOperator<string, (string Key, long Value), IEnumerable<(string Key, long Value)>, string, TimeWindow>>(
            harness.Operator);
        harness.Feed(("a", 1, 3), ("a", 2, 4), ("b", 3, 5), ("a", 4, 12));

        Assert.Equal(
            [("a", 9L, new TimeWindow(0, 10)), ("a", 19L, new TimeWindow(10, 20)), ("b", 9L, new TimeWindow(0, 10))],
            op.Timers.EventTimers.Select(t => (t.Key, t.Timestamp, t.Namespace)).Order());
        harness.ProcessWatermark(100);
        Assert.Equal([At("a:0-10:1,2", 9), At("b:0-10:3", 9), At("a:10-20:4", 19)], harness.Records);
        Assert.Equal(0, StateEntries(op.KeyedState));
    }

    /// <summary>Puts value v into [10v, 10v + 10) and [0, 100), a fresh list per element; value 0 into none.</summary>
    private sealed class ValueWindows : WindowAssigner<(string Key, long Value), TimeWindow>
    {
        public override IReadOnlyList<TimeWindow> AssignWindows((string Key, long Value) element, long timestamp, IWindowAssignerContext context) =>
            element.Value == 0 ? [] : [new TimeWindow(element.Value * 10, element.Value * 10 + 10), new TimeWindow(0, 100)];

        public override Trigger<(string Key, long Value), TimeWindow> GetDefaultTrigger() => EventTimeTrigger.Create();

        public override bool IsEventTime => true;
    }

    /// <summary>Registers the end-of-window timer and deletes it again in the same call; never fires.</summary>
    private sealed class RegistersAndDeletes : Trigger<(string Key, long Value), TimeWindow>
    {
        public override TriggerResult OnElement((string Key, long Value) element, long timestamp, TimeWindow window, ITriggerContext context)
        {
            context.RegisterEventTimeTimer(window.MaxTimestamp);
            context.DeleteEventTimeTimer(window.MaxTimestamp);
            return TriggerResult.Continue;
        }

        public override TriggerResult OnProcessingTime(long time, TimeWindow window, ITriggerContext context) => TriggerResult.Continue;

        public override TriggerResult OnEventTime(long time, TimeWindow window, ITriggerContext context) => TriggerResult.Continue;

        public override void Clear(TimeWindow window, ITriggerContext context)
        {
        }
    }
}
