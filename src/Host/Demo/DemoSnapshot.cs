using ActorStream.Examples.Demo;

namespace ActorStream.Host.Demo;

/// <summary>What the demo shows at one moment: time, event counts and rate, and the leading items.</summary>
internal sealed record DemoSnapshot(
    TimeSpan Elapsed, TimeSpan Duration, long Events, double EventsPerSecond, long Rejected, int Items, IReadOnlyList<ItemTotals> Top);
