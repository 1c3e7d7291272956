using ActorStream.Graph.Operators.Windowing;
using ActorStream.Graph.Tests.Harness;
using ActorStream.Graph.Windowing;
using static ActorStream.Graph.Tests.Windowing.WindowTestKit;

namespace ActorStream.Graph.Tests.Windowing;

public sealed class ContinuousProcessingTimeTriggerTests
{
    private static Action<OperatorHarness<(string Key, long Value), string>> E(string key, long value) => h => h.ProcessElement((key, value));

    private static Action<OperatorHarness<(string Key, long Value), string>> Clock(long now) => h => h.Clock.AdvanceTo(now);

    [Fact]
    public void The_trigger_should_fire_at_interval_boundaries_and_at_the_windows_end_then_leave_no_timers()
    {
        var clock = new ManualProcessingTimeService(start: 1005);
        var harness = HarnessOf(Keyed()
            .Window(TumblingProcessingTimeWindows.Of(Ms(100)))
            .Trigger(ContinuousProcessingTimeTrigger.Of(Ms(30)))
            .Reduce(Sum), clock);
        var op = Assert.IsAssignableFrom<WindowOperator<string, (string Key, long Value), (string Key, long Value), (string Key, long Value), TimeWindow>>(
            harness.Operator);
        harness.ProcessElement(("a", 1)); // first fire time: 1005 rounded down to 990, plus 30

        clock.AdvanceTo(1020);
        harness.ProcessElement(("a", 2));
        clock.AdvanceTo(1049);
        Assert.Equal([At(("a", 1L), 1099)], harness.Records);
        clock.AdvanceTo(1098); // fires at 1050 and 1080
        Assert.Equal(3, harness.Records.Count);
        clock.AdvanceTo(1099); // the next fire time is capped at the window's max timestamp; the cleanup follows

        Assert.Equal([At(("a", 1L), 1099), At(("a", 3L), 1099), At(("a", 3L), 1099), At(("a", 3L), 1099)], harness.Records);
        Assert.Empty(op.Timers.ProcessingTimers);
        Assert.Equal(0, StateEntries(op.KeyedState));
        clock.AdvanceTo(2000);
        Assert.Equal(4, harness.Records.Count);
    }

    [Fact]
    public void The_trigger_should_keep_one_pending_fire_time_per_window_and_key()
    {
        var clock = new ManualProcessingTimeService(start: 0);
        var harness = HarnessOf(Keyed()
            .Window(GlobalWindows.Create())
            .Trigger(ContinuousProcessingTimeTrigger.Of(Ms(10)))
            .Process(new JoinValues<GlobalWindow>()), clock);
        harness.ProcessElement(("a", 1));
        clock.AdvanceTo(5);
        harness.ProcessElement(("b", 2));
        harness.ProcessElement(("a", 3));

        clock.AdvanceTo(25);

        Assert.Equal([At("1,3", long.MaxValue), At("2", long.MaxValue), At("1,3", long.MaxValue), At("2", long.MaxValue)], harness.Records);
    }

    [Fact]
    public void The_trigger_should_merge_with_session_windows_keeping_the_earliest_fire_time()
    {
        var clock = new ManualProcessingTimeService(start: 1000);
        var harness = HarnessOf(Keyed()
            .Window(ProcessingTimeSessionWindows.WithGap(Ms(50)))
            .Trigger(ContinuousProcessingTimeTrigger.Of(Ms(30)))
            .Process(new DescribeWindow()), clock);
        harness.ProcessElement(("a", 1)); // session 1000-1050, fire time 1020
        clock.AdvanceTo(1010);
        harness.ProcessElement(("a", 2)); // merges into 1000-1060, still firing at 1020

        clock.AdvanceTo(1100);

        Assert.Equal([At("a:1000-1060:1,2", 1059), At("a:1000-1060:1,2", 1059), At("a:1000-1060:1,2", 1059)], harness.Records);
    }

    [Fact]
    public void The_trigger_should_resume_with_its_fire_times_after_a_restore()
    {
        FailureScenario.AssertSameOutputWithFailureAnywhere(
            () => OperatorHarness.CreateOperator<(string Key, long Value), string>(Keyed()
                .Window(TumblingProcessingTimeWindows.Of(Ms(100)))
                .Trigger(ContinuousProcessingTimeTrigger.Of(Ms(30)))
                .Process(new DescribeWindow()).Transformation),
            [E("a", 1), Clock(7), E("b", 2), Clock(31), E("a", 3), Clock(65), E("b", 4), Clock(99), E("a", 5), Clock(250)]);
    }

    [Fact]
    public void The_interval_should_be_at_least_a_millisecond()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ContinuousProcessingTimeTrigger.Of(TimeSpan.Zero));
        Assert.Contains("at least 1 ms", error.Message);
    }
}
