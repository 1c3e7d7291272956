using ActorStream.Graph.Windowing;
using static ActorStream.Graph.Tests.Windowing.WindowTestKit;

namespace ActorStream.Graph.Tests.Windowing;

public sealed class AssignerTests
{
    private static readonly Clock At1234 = new(1234);

    [Fact]
    public void Tumbling_event_time_windows_should_align_to_the_epoch_plus_offset()
    {
        Assert.Equal([new TimeWindow(10, 15)], TumblingEventTimeWindows.Of(Ms(5)).AssignWindows(12, At1234));
        Assert.Equal([new TimeWindow(3, 13)], TumblingEventTimeWindows.Of(Ms(10), Ms(3)).AssignWindows(12, At1234));
        Assert.Equal([new TimeWindow(-7, 3)], TumblingEventTimeWindows.Of(Ms(10), Ms(3)).AssignWindows(-2, At1234));
        Assert.Equal([new TimeWindow(-10, 0)], TumblingEventTimeWindows.Of(Ms(10)).AssignWindows(-7, At1234));
    }

    [Fact]
    public void Sliding_event_time_windows_should_assign_every_overlapping_window_latest_first()
    {
        Assert.Equal([new TimeWindow(10, 20), new TimeWindow(5, 15)], SlidingEventTimeWindows.Of(Ms(10), Ms(5)).AssignWindows(12, At1234));
        Assert.Equal(
            [new TimeWindow(12, 22), new TimeWindow(9, 19), new TimeWindow(6, 16), new TimeWindow(3, 13)],
            SlidingEventTimeWindows.Of(Ms(10), Ms(3)).AssignWindows(12, At1234));
        Assert.Equal([new TimeWindow(-5, 5), new TimeWindow(-10, 0)], SlidingEventTimeWindows.Of(Ms(10), Ms(5)).AssignWindows(-3, At1234));
        Assert.Equal([new TimeWindow(11, 21), new TimeWindow(6, 16)], SlidingEventTimeWindows.Of(Ms(10), Ms(5), Ms(1)).AssignWindows(12, At1234));
    }

    [Fact]
    public void Session_windows_should_open_a_gap_long_window_at_the_element()
    {
        Assert.Equal([new TimeWindow(7, 17)], EventTimeSessionWindows.WithGap(Ms(10)).AssignWindows(7, At1234));
        var dynamic = EventTimeSessionWindows.WithDynamicGap<(string Key, long Value)>(e => Ms(e.Value));
        Assert.Equal([new TimeWindow(7, 10)], dynamic.AssignWindows(("a", 3), 7, At1234));
        var error = Assert.Throws<ArgumentException>(() => dynamic.AssignWindows(("a", 0), 7, At1234));
        Assert.Contains("0 < gap", error.Message);
    }

    [Fact]
    public void Processing_time_assigners_should_use_the_current_processing_time()
    {
        Assert.Equal([new TimeWindow(1230, 1240)], TumblingProcessingTimeWindows.Of(Ms(10)).AssignWindows(5, At1234));
        Assert.Equal([new TimeWindow(1225, 1235)], TumblingProcessingTimeWindows.Of(Ms(10), Ms(5)).AssignWindows(5, At1234));
        Assert.Equal([new TimeWindow(1230, 1240), new TimeWindow(1225, 1235)],
            SlidingProcessingTimeWindows.Of(Ms(10), Ms(5)).AssignWindows(5, At1234));
        Assert.Equal([new TimeWindow(1234, 1334)], ProcessingTimeSessionWindows.WithGap(Ms(100)).AssignWindows(5, At1234));
        Assert.Equal([new TimeWindow(1234, 1236)],
            ProcessingTimeSessionWindows.WithDynamicGap<(string Key, long Value)>(e => Ms(e.Value)).AssignWindows(("a", 2), 5, At1234));
    }

    [Fact]
    public void Global_windows_should_put_everything_in_the_global_window()
    {
        Assert.Equal([GlobalWindow.Instance], GlobalWindows.Create().AssignWindows(5, At1234));
        Assert.False(GlobalWindows.Create().IsEventTime);
    }

    [Fact]
    public void Each_assigner_should_have_flinks_default_trigger_and_time_domain()
    {
        Assert.IsType<EventTimeTrigger>(TumblingEventTimeWindows.Of(Ms(5)).DefaultTrigger);
        Assert.IsType<EventTimeTrigger>(SlidingEventTimeWindows.Of(Ms(5), Ms(1)).DefaultTrigger);
        Assert.IsType<EventTimeTrigger>(EventTimeSessionWindows.WithGap(Ms(5)).DefaultTrigger);
        Assert.IsType<ProcessingTimeTrigger>(TumblingProcessingTimeWindows.Of(Ms(5)).DefaultTrigger);
        Assert.IsType<ProcessingTimeTrigger>(SlidingProcessingTimeWindows.Of(Ms(5), Ms(1)).DefaultTrigger);
        Assert.IsType<ProcessingTimeTrigger>(ProcessingTimeSessionWindows.WithGap(Ms(5)).DefaultTrigger);
        Assert.Equal("NeverTrigger()", GlobalWindows.Create().DefaultTrigger.ToString());
        Assert.Equal("EventTimeTrigger()", EventTimeSessionWindows.WithDynamicGap<int>(_ => Ms(1)).GetDefaultTrigger().ToString());
        Assert.Equal("ProcessingTimeTrigger()", ProcessingTimeSessionWindows.WithDynamicGap<int>(_ => Ms(1)).GetDefaultTrigger().ToString());
        Assert.True(TumblingEventTimeWindows.Of(Ms(5)).IsEventTime);
        Assert.True(EventTimeSessionWindows.WithDynamicGap<int>(_ => Ms(1)).IsEventTime);
        Assert.False(TumblingProcessingTimeWindows.Of(Ms(5)).IsEventTime);
    }

    [Fact]
    public void Invalid_parameters_should_be_rejected_with_flinks_rules()
    {
        Assert.Contains("abs(offset) < size", Assert.Throws<ArgumentException>(() => TumblingEventTimeWindows.Of(Ms(5), Ms(5))).Message);
        Assert.Throws<ArgumentException>(() => TumblingEventTimeWindows.Of(Ms(0)));
        Assert.Contains("abs(offset) < slide and size > 0",
            Assert.Throws<ArgumentException>(() => SlidingEventTimeWindows.Of(Ms(10), Ms(5), Ms(-5))).Message);
        Assert.Throws<ArgumentException>(() => SlidingProcessingTimeWindows.Of(Ms(0), Ms(5)));
        Assert.Throws<ArgumentException>(() => TumblingProcessingTimeWindows.Of(Ms(5), Ms(-6)));
        Assert.Contains("0 < size", Assert.Throws<ArgumentException>(() => EventTimeSessionWindows.WithGap(Ms(0))).Message);
        Assert.Throws<ArgumentException>(() => ProcessingTimeSessionWindows.WithGap(Ms(-1)));
    }

    [Fact]
    public void Event_time_windows_should_reject_elements_without_timestamps()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TumblingEventTimeWindows.Of(Ms(5)).AssignWindows(long.MinValue, At1234));
        Assert.Contains("no timestamp", error.Message);
        Assert.Throws<InvalidOperationException>(() => SlidingEventTimeWindows.Of(Ms(5), Ms(1)).AssignWindows(long.MinValue, At1234));
    }

    private sealed class Clock(long now) : IWindowAssignerContext
    {
        public long CurrentProcessingTime => now;

        public long GetStaggerOffset(WindowStagger stagger, long size) => WindowStaggerOffsets.Of(stagger, now, size, subtaskIndex: 0);
    }
}
