namespace ActorStream.Graph.Windowing;

/// <summary>The window arithmetic shared by the sliding assigners.</summary>
internal static class SlidingWindows
{
    /// <summary>Every window of <paramref name="size"/> sliding by <paramref name="slide"/> that contains <paramref name="timestamp"/>, latest first (as Flink).</summary>
    public static IReadOnlyList<TimeWindow> Assign(long timestamp, long size, long slide, long offset)
    {
        var windows = new List<TimeWindow>((int)Math.Min(size / slide + 1, 1024));
        var lastStart = TimeWindow.GetWindowStartWithOffset(timestamp, offset, slide);
        for (var start = lastStart; start > timestamp - size; start -= slide)
            windows.Add(new TimeWindow(start, start + size));
        return windows;
    }
}
