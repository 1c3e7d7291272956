using ActorStream.Examples.Demo;

namespace ActorStream.Host.Demo;

/// <summary>
/// What the demo shows at one moment: time, event counts and rate, and the leading items of the open window
/// (early results) and of the last closed window (final results), each null until there is one.
/// </summary>
internal sealed record DemoSnapshot(
    TimeSpan Elapsed, TimeSpan Duration, long Events, double EventsPerSecond, long Rejected, int Items, int ClosedWindows,
    WindowTop? OpenWindow, WindowTop? LastClosedWindow);
