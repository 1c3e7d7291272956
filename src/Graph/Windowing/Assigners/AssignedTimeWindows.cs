namespace ActorStream.Graph.Windowing;

/// <summary>How the built-in time-window assigners fill the operator's <see cref="AssignedWindows{W}"/> without allocating for a repeated window.</summary>
internal static class AssignedTimeWindows
{
    /// <summary>Holds [<paramref name="start"/>, <paramref name="end"/>) alone, keeping the window held when it is that one.</summary>
    public static void SetSingle(this AssignedWindows<TimeWindow> windows, long start, long end)
    {
        if (windows.Count == 1 && windows[0] is var held && held.Start == start && held.End == end)
            return;
        windows.SetSingle(new TimeWindow(start, end));
    }
}
