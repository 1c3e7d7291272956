using ActorStream.Bench.Nexmark.Generator;
using ActorStream.Bench.Nexmark.Model;
using ActorStream.Connectors.Generator;
using ActorStream.Graph;

namespace ActorStream.Bench.Nexmark;

/// <summary>The Nexmark event stream as an ActorStream source, timestamped as the reference DDL.</summary>
public static class NexmarkSource
{
    /// <summary>The name and uid of the source operator.</summary>
    public const string Name = "nexmark-events";

    /// <summary>How late an event may be: the reference DDL's <c>WATERMARK FOR dateTime AS dateTime - INTERVAL '4' SECOND</c>.</summary>
    public static readonly TimeSpan MaxOutOfOrderness = TimeSpan.FromSeconds(4);

    /// <summary>Event time from each event's dateTime; watermarks trail the largest seen by <see cref="MaxOutOfOrderness"/> (and 1 ms).</summary>
    public static WatermarkStrategy<Event> Watermarks() =>
        WatermarkStrategy<Event>.ForBoundedOutOfOrderness(MaxOutOfOrderness).WithTimestampAssigner((e, _) => e.DateTime);

    /// <summary>
    /// Events 0 to <paramref name="count"/> - 1 of <paramref name="generator"/>, source subtask s of p generating events s,
    /// s + p, s + 2p, ...: event time grows with the event number, so all subtasks advance through it together and windows
    /// fire as the input goes (with contiguous ranges, the windows of all but the first range would wait for the first
    /// subtask's watermark until its range is done, held in state for the whole run).
    /// </summary>
    public static DataStream<Event> Events(StreamExecutionEnvironment env, NexmarkGenerator generator, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return env.FromSource(new GeneratorSource<Event>(count, generator.Generate) { Interleaved = true }, Watermarks(), Name).Uid(Name);
    }
}
