using ActorStream.Graph.Keys;
using ActorStream.Graph.Operators.Timers;
using ActorStream.Graph.State;

namespace ActorStream.Graph.Tests.Operators;

/// <summary>Deleting a timer removes it at once, and deleting the earliest processing-time timer moves or cancels the wake-up.</summary>
public sealed class TimerDeletionTests
{
    private readonly HeapKeyedStateBackend<string> _backend = new(new KeyGroupRangeInfo(new KeyGroupRange(0, 127), 128));
    private readonly ManualProcessingTimeService _clock = new();
    private readonly Recorder _fired = new();

    private sealed class Recorder : ITriggerable<string, VoidNamespace>
    {
        public List<string> Fired { get; } = [];

        public void OnEventTime(InternalTimer<string, VoidNamespace> timer) => Fired.Add($"event {timer.Key}@{timer.Timestamp}");

        public void OnProcessingTime(InternalTimer<string, VoidNamespace> timer) => Fired.Add($"processing {timer.Key}@{timer.Timestamp}");
    }

    private InternalTimerService<string, VoidNamespace> Service() => new("timers", _backend, _clock, _fired);

    [Fact]
    public void Deleted_timers_should_leave_no_entries_behind()
    {
        var timers = Service();
        for (var i = 0; i < 1000; i++)
        {
            _backend.SetCurrentKey($"k{i % 10}");
            timers.RegisterEventTimeTimer(VoidNamespace.Instance, i);
            timers.RegisterProcessingTimeTimer(VoidNamespace.Instance, 10_000 + i);
        }
        Assert.Equal(2000, timers.Count);

        for (var i = 0; i < 1000; i++)
        {
            if (i % 100 == 7)
                continue;
            _backend.SetCurrentKey($"k{i % 10}");
            timers.DeleteEventTimeTimer(VoidNamespace.Instance, i);
            timers.DeleteProcessingTimeTimer(VoidNamespace.Instance, 10_000 + i);
        }

        Assert.Equal(20, timers.Count);
        timers.AdvanceWatermark(long.MaxValue);
        _clock.AdvanceTo(20_000);
        Assert.Equal(
            [.. Enumerable.Range(0, 10).Select(i => $"event k7@{i * 100 + 7}"),
                .. Enumerable.Range(0, 10).Select(i => $"processing k7@{10_000 + i * 100 + 7}")],
            _fired.Fired);
        Assert.Equal(0, timers.Count);
    }

    [Fact]
    public void Deleting_the_only_processing_time_timer_should_cancel_its_wake_up()
    {
        var timers = Service();
        _backend.SetCurrentKey("a");
        timers.RegisterProcessingTimeTimer(VoidNamespace.Instance, 100);
        Assert.Equal([100L], _clock.PendingTimes);

        timers.DeleteProcessingTimeTimer(VoidNamespace.Instance, 100);

        Assert.Equal(0, _clock.Pending);
        _clock.AdvanceTo(500);
        Assert.Empty(_fired.Fired);
    }

    [Fact]
    public void Deleting_the_earliest_processing_time_timer_should_move_the_wake_up_to_the_next()
    {
        var timers = Service();
        _backend.SetCurrentKey("a");
        timers.RegisterProcessingTimeTimer(VoidNamespace.Instance, 300);
        timers.RegisterProcessingTimeTimer(VoidNamespace.Instance, 100);
        _backend.SetCurrentKey("b");
        timers.RegisterProcessingTimeTimer(VoidNamespace.Instance, 100);
        Assert.Equal([100L], _clock.PendingTimes);

        _backend.SetCurrentKey("a");
        timers.DeleteProcessingTimeTimer(VoidNamespace.Instance, 100);
        Assert.Equal([100L], _clock.PendingTimes); // b's timer still needs the wake-up at 100
        _backend.SetCurrentKey("b");
        timers.DeleteProcessingTimeTimer(VoidNamespace.Instance, 100);
        Assert.Equal([300L], _clock.PendingTimes);

        _clock.AdvanceTo(1000);
        Assert.Equal(["processing a@300"], _fired.Fired);
        Assert.Equal(0, _clock.Pending);
    }

    [Fact]
    public void Timers_at_equal_times_should_fire_in_registration_order_after_deletions()
    {
        var timers = Service();
        foreach (var key in new[] { "e", "d", "c", "b", "a" })
        {
            _backend.SetCurrentKey(key);
            timers.RegisterEventTimeTimer(VoidNamespace.Instance, 50);
        }
        _backend.SetCurrentKey("c");
        timers.DeleteEventTimeTimer(VoidNamespace.Instance, 50);
        timers.RegisterEventTimeTimer(VoidNamespace.Instance, 50);

        timers.AdvanceWatermark(50);

        Assert.Equal(["event e@50", "event d@50", "event b@50", "event a@50", "event c@50"], _fired.Fired);
    }
}
