namespace ActorStream.Graph.Windowing;

/// <summary>The window arithmetic shared by the sliding assigners.</summary>
internal static class SlidingWindows
{
    /// <summary>
    /// Holds every window of <paramref name="size"/> sliding by <paramref name="slide"/> that contains
    /// <paramref name="timestamp"/>, latest first (as Flink). The windows held stay when they are the same: they are
    /// when they start at the same latest start and are as many, since one assigner filled them.
    /// </summary>
    public static void Assign(AssignedWindows<TimeWindow> windows, long timestamp, long size, long slide, long offset)
    {
        var lastStart = TimeWindow.GetWindowStartWithOffset(timestamp, offset, slide);
        var count = 0;
        for (var start = lastStart; start > timestamp - size; start -= slide)
            count++;
        if (windows.Count == count && (count == 0 || windows[0].Start == lastStart))
            return;
        windows.Clear();
        for (var start = lastStart; start > timestamp - size; start -= slide)
            windows.Add(new TimeWindow(start, start + size));
    }
}
