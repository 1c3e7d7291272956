using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Tests.Windowing;

public sealed class TimeWindowTests
{
    [Theory]
    [InlineData(7, 0, 5, 5)]
    [InlineData(5, 0, 5, 5)]
    [InlineData(4, 0, 5, 0)]
    [InlineData(0, 0, 5, 0)]
    [InlineData(-1, 0, 5, -5)]
    [InlineData(-5, 0, 5, -5)]
    [InlineData(-6, 0, 5, -10)]
    [InlineData(-7, 0, 5, -10)]
    [InlineData(7, 2, 5, 7)]
    [InlineData(6, 2, 5, 2)]
    [InlineData(1, 2, 5, -3)]
    [InlineData(0, -1, 5, -1)]
    [InlineData(-2, 3, 10, -7)]
    public void Window_start_with_offset_should_contain_the_timestamp_also_when_negative(long timestamp, long offset, long size, long start)
    {
        Assert.Equal(start, TimeWindow.GetWindowStartWithOffset(timestamp, offset, size));
        Assert.InRange(timestamp, start, start + size - 1);
    }

    [Fact]
    public void Max_timestamp_should_be_the_last_millisecond_before_the_end()
    {
        Assert.Equal(9, new TimeWindow(0, 10).MaxTimestamp);
        Assert.Equal(long.MaxValue, GlobalWindow.Instance.MaxTimestamp);
    }

    [Fact]
    public void Windows_that_touch_should_intersect_and_cover_should_span_both()
    {
        Assert.True(new TimeWindow(0, 5).Intersects(new TimeWindow(5, 10)));
        Assert.True(new TimeWindow(5, 10).Intersects(new TimeWindow(0, 5)));
        Assert.False(new TimeWindow(0, 5).Intersects(new TimeWindow(6, 10)));
        Assert.Equal(new TimeWindow(0, 8), new TimeWindow(0, 5).Cover(new TimeWindow(3, 8)));
    }

    [Fact]
    public void Merging_should_report_each_group_of_overlapping_windows_once()
    {
        List<(TimeWindow[] Merged, TimeWindow Result)> merges = [];

        TimeWindow.MergeWindows(
            [new(10, 15), new(0, 5), new(4, 8), new(20, 25), new(14, 16)],
            (merged, result) => merges.Add(([.. merged], result)));

        Assert.Equal(2, merges.Count);
        Assert.Equal([new TimeWindow(0, 5), new TimeWindow(4, 8)], merges[0].Merged);
        Assert.Equal(new TimeWindow(0, 8), merges[0].Result);
        Assert.Equal([new TimeWindow(10, 15), new TimeWindow(14, 16)], merges[1].Merged);
        Assert.Equal(new TimeWindow(10, 16), merges[1].Result);
    }

    [Fact]
    public void Windows_should_be_values()
    {
        Assert.Equal(new TimeWindow(1, 2), new TimeWindow(1, 2));
        Assert.NotEqual(new TimeWindow(1, 2), new TimeWindow(1, 3));
        Assert.Equal("TimeWindow{start=1, end=2}", new TimeWindow(1, 2).ToString());
    }
}
