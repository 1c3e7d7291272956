using ActorStream.Graph.Windowing;
using static ActorStream.Graph.Tests.Windowing.WindowTestKit;

namespace ActorStream.Graph.Tests.Windowing;

public sealed class TriggerTests
{
    [Fact]
    public void The_event_time_trigger_should_fire_at_the_window_end_only()
    {
        var harness = HarnessOf(Keyed().Window(TumblingEventTimeWindows.Of(Ms(10))).Reduce(Sum));
        harness.Feed(("a", 1, 1), ("a", 2, 2));

        harness.ProcessWatermark(5);
        Assert.Empty(harness.Values);
        harness.ProcessWatermark(9);

        Assert.Equal([At(("a", 3L), 9)], harness.Records);
    }

    [Fact]
    public void The_processing_time_trigger_should_fire_when_the_injected_clock_passes_the_window_end()
    {
        var clock = new ManualProcessingTimeService(start: 1000);
        var harness = HarnessOf(Keyed().Window(TumblingProcessingTimeWindows.Of(Ms(10))).Reduce(Sum), clock);
        harness.ProcessElement(("a", 1));
        clock.AdvanceTo(1005);
        harness.ProcessElement(("a", 2));

        clock.AdvanceTo(1008);
        Assert.Empty(harness.Values);
        clock.AdvanceTo(1009);
        Assert.Equal([At(("a", 3L), 1009)], harness.Records);

        clock.AdvanceTo(1012);
        harness.ProcessElement(("a", 4));
        clock.AdvanceTo(1030);
        Assert.Equal([At(("a", 3L), 1009), At(("a", 4L), 1019)], harness.Records);
    }

    [Fact]
    public void A_count_trigger_should_replace_the_end_of_window_firing()
    {
        var harness = HarnessOf(Keyed().Window(TumblingEventTimeWindows.Of(Ms(10))).Trigger(CountTrigger.Of(2)).Reduce(Sum));
        harness.Feed(("a", 1, 1), ("a", 2, 2));
        Assert.Equal([At(("a", 3L), 9)], harness.Records);

        harness.Feed(("a", 4, 3));
        harness.ProcessWatermark(9); // the window is cleaned up at its end, but a count trigger does not fire then

        Assert.Single(harness.Records);
    }

    [Fact]
    public void The_continuous_event_time_trigger_should_fire_every_interval_and_at_the_window_end()
    {
        var harness = HarnessOf(Keyed()
            .Window(TumblingEventTimeWindows.Of(Ms(100)))
            .Trigger(ContinuousEventTimeTrigger.Of(Ms(30)))
            .Reduce(Sum));
        harness.Feed(("a", 1, 5), ("a", 2, 40));

        harness.ProcessWatermark(35); // fires at 30
        harness.ProcessWatermark(70); // fires at 60
        harness.Feed(("a", 4, 75));
        harness.ProcessWatermark(95); // fires at 90; the next fire time is capped at the window's max timestamp
        harness.ProcessWatermark(99); // fires at the window's end

        Assert.Equal([At(("a", 3L), 99), At(("a", 3L), 99), At(("a", 7L), 99), At(("a", 7L), 99)], harness.Records);
        harness.ProcessWatermark(500);
        Assert.Equal(4, harness.Records.Count);
    }

    [Fact]
    public void A_purging_trigger_should_drop_the_contents_after_each_firing()
    {
        var harness = HarnessOf(Keyed()
            .Window(TumblingEventTimeWindows.Of(Ms(10)))
            .Trigger(PurgingTrigger.Of(CountTrigger.Of(2)))
            .Process(new DescribeWindow()));

        harness.Feed(("a", 1, 1), ("a", 2, 2), ("a", 3, 3), ("a", 4, 4), ("a", 5, 5));
        harness.ProcessWatermark(9);

        Assert.Equal(["a:0-10:1,2", "a:0-10:3,4"], harness.Values);
    }

    [Fact]
    public void A_custom_trigger_returning_fire_and_purge_should_emit_and_empty_the_window()
    {
        var harness = HarnessOf(Keyed().Window(TumblingEventTimeWindows.Of(Ms(10))).Trigger(new FlushOnNegative()).Reduce(Sum));

        harness.Feed(("a", 1, 1), ("a", 2, 2), ("a", -1, 3));
        harness.Feed(("b", 3, 1), ("b", -3, 2));
        harness.Feed(("a", 5, 4));
        harness.ProcessWatermark(9); // b's window was purged: nothing left to emit for it

        Assert.Equal([At(("a", 2L), 9), At(("b", 0L), 9), At(("a", 5L), 9)], harness.Records);
    }

    [Fact]
    public void A_typed_trigger_can_be_wrapped_in_a_purging_trigger()
    {
        var harness = HarnessOf(Keyed()
            .Window(TumblingEventTimeWindows.Of(Ms(10)))
            .Trigger(PurgingTrigger.Of(new FlushOnNegative()))
            .Process(new DescribeWindow()));

        harness.Feed(("a", 1, 1), ("a", -1, 2), ("a", 7, 3));
        harness.ProcessWatermark(9);

        Assert.Equal(["a:0-10:1,-1", "a:0-10:7"], harness.Values);
    }

    /// <summary>Fires and purges on a negative value (a flush marker); otherwise fires at the window's end.</summary>
    private sealed class FlushOnNegative : Trigger<(string Key, long Value), TimeWindow>
    {
        public override TriggerResult OnElement((string Key, long Value) element, long timestamp, TimeWindow window, ITriggerContext context)
        {
            if (element.Value < 0)
                return TriggerResult.FireAndPurge;
            context.RegisterEventTimeTimer(window.MaxTimestamp);
            return TriggerResult.Continue;
        }

        public override TriggerResult OnEventTime(long time, TimeWindow window, ITriggerContext context) =>
            time == window.MaxTimestamp ? TriggerResult.Fire : TriggerResult.Continue;

        public override TriggerResult OnProcessingTime(long time, TimeWindow window, ITriggerContext context) => TriggerResult.Continue;

        public override void Clear(TimeWindow window, ITriggerContext context) => context.DeleteEventTimeTimer(window.MaxTimestamp);
    }
}
