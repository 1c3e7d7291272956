using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Operators.Windowing.Slicing;

/// <summary>Which sliding windows are sliced, and the names their state is kept under.</summary>
public static class WindowSlicing
{
    /// <summary>The name of the slices' state (the window operator keeps whole windows under another name).</summary>
    public const string SliceStateName = "slice-contents";

    /// <summary>
    /// True when windows of <paramref name="assigner"/> are whole slides: the size is a multiple of the slide (as Flink SQL
    /// requires of a sliced HOP window). Other sizes would need slices of gcd(size, slide), up to one per millisecond.
    /// </summary>
    internal static bool CanSlice(SlidingEventTimeWindows assigner) => assigner.Size % assigner.Slide == 0;
}
