using ActorStream.Actors.Exchange;

namespace ActorStream.Actors.Tests;

public sealed class WatermarkValveSpecs
{
    [Fact]
    public void An_idle_channel_should_not_hold_event_time_back()
    {
        var valve = new WatermarkValve(2);
        Assert.Null(valve.OnWatermark(0, 100));

        Assert.Equal(100, valve.OnStatus(1, idle: true));
        Assert.False(valve.IsIdle);
        Assert.Equal(150, valve.OnWatermark(0, 150));
    }

    [Fact]
    public void The_input_should_be_idle_when_every_open_channel_is()
    {
        var valve = new WatermarkValve(3);
        valve.OnChannelEnded(2);
        valve.OnStatus(0, idle: true);
        Assert.False(valve.IsIdle);

        valve.OnStatus(1, idle: true);
        Assert.True(valve.IsIdle);

        valve.OnStatus(0, idle: false);
        Assert.False(valve.IsIdle);
    }

    [Fact]
    public void A_channel_back_from_idle_should_count_only_once_it_caught_up()
    {
        var valve = new WatermarkValve(2);
        valve.OnStatus(1, idle: true);
        Assert.Equal(500, valve.OnWatermark(0, 500));

        Assert.Null(valve.OnStatus(1, idle: false)); // its watermark (none yet) is behind 500
        Assert.Null(valve.OnWatermark(1, 200));     // still behind: ignored, event time stays at 500
        Assert.Equal(600, valve.OnWatermark(0, 600));
        Assert.Null(valve.OnWatermark(1, 550));     // caught up with 500 but not with 600 yet
        Assert.Equal(650, valve.OnWatermark(1, 700) ?? valve.OnWatermark(0, 650));
        Assert.Equal(650, valve.Current);
    }

    [Fact]
    public void Every_channel_ended_should_advance_nothing()
    {
        var valve = new WatermarkValve(1);
        valve.OnWatermark(0, 10);

        Assert.Null(valve.OnChannelEnded(0));
        Assert.False(valve.IsIdle);
    }
}
