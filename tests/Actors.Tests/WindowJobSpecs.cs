using ActorStream.Actors.Tests.Support;
using ActorStream.Graph;
using ActorStream.Graph.Sources;
using ActorStream.Graph.Windowing;

namespace ActorStream.Actors.Tests;

public sealed class WindowJobSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private const long Size = 100;
    private const long Bound = 20;
    private const long Lateness = 50;

    private static readonly OutputTag<(string Key, long Ts, long Value)> LateTag = new("late");

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Tumbling_event_time_windows_should_give_the_same_firings_and_late_data_at_any_parallelism(int parallelism)
    {
        var events = Events();
        var results = new CollectSink<string>();
        var late = new CollectSink<string>();
        var env = fixture.CreateEnvironment(parallelism);
        env.RuntimeMode = RuntimeExecutionMode.Streaming;
        env.AutoWatermarkInterval = TimeSpan.Zero; // a watermark after every event that advances it
        var windowed = env.FromSource(new CollectionSource<(string Key, long Ts, long Value)>(events),
                WatermarkStrategy<(string Key, long Ts, long Value)>.ForBoundedOutOfOrderness(TimeSpan.FromMilliseconds(Bound))
                    .WithTimestampAssigner((e, _) => e.Ts), "events")
            .KeyBy(e => e.Key)
            .Window(TumblingEventTimeWindows.Of(TimeSpan.FromMilliseconds(Size)))
            .AllowedLateness(TimeSpan.FromMilliseconds(Lateness))
            .SideOutputLateData(LateTag)
            .Process(new SumPerWindow());
        windowed.SinkTo(results);
        windowed.GetSideOutput(LateTag).Map(e => $"{e.Key}@{e.Ts}").SinkTo(late);

        await env.ExecuteAsync($"windows-p{parallelism}");

        var (expectedFirings, expectedLate) = Reference(events);
        Assert.NotEmpty(expectedLate); // some elements are beyond the allowed lateness
        Assert.True(expectedFirings.Select(f => f[..f.IndexOf('=')]).Distinct().Count() < expectedFirings.Count); // some fire late
        Assert.Equal(expectedFirings.Order(), results.Values.Order());
        Assert.Equal(expectedLate.Order(), late.Values.Order());
    }

    /// <summary>Mostly ordered events with small disorder, and now and then one far behind (late, or beyond lateness).</summary>
    private static List<(string Key, long Ts, long Value)> Events()
    {
        var random = new Random(42);
        return Enumerable.Range(0, 800).Select(i =>
        {
            var behind = i % 23 == 0 ? random.Next(60, 300) : random.Next(0, 15);
            return (Key: $"k{random.Next(5)}", Ts: Math.Max(0, i * 10L - behind), Value: (long)random.Next(1, 100));
        }).ToList();
    }

    /// <summary>
    /// An independent model of Flink's rules for one in-order source: the watermark trails the largest timestamp by
    /// the bound plus 1 ms; a window fires when the watermark reaches its end and again for each element added
    /// later; an element whose window ended more than the allowed lateness before the watermark is late.
    /// </summary>
    private static (List<string> Firings, List<string> Late) Reference(List<(string Key, long Ts, long Value)> events)
    {
        var panes = new Dictionary<(string Key, long Start), (long Sum, bool Fired)>();
        List<string> firings = [];
        List<string> late = [];
        var watermark = long.MinValue;
        var maxTimestamp = long.MinValue;

        void Advance(long to)
        {
            watermark = to;
            foreach (var (pane, state) in panes.OrderBy(p => p.Key.Start).ToList())
            {
                var windowMax = pane.Start + Size - 1;
                if (!state.Fired && windowMax <= watermark)
                {
                    firings.Add($"{pane.Key}@{pane.Start}={state.Sum}");
                    panes[pane] = (state.Sum, true);
                }
                if (windowMax + Lateness <= watermark)
                    panes.Remove(pane);
            }
        }

        foreach (var (key, ts, value) in events)
        {
            var start = ts - ts % Size;
            if (start + Size - 1 + Lateness <= watermark)
            {
                late.Add($"{key}@{ts}");
            }
            else
            {
                var pane = (key, start);
                var sum = panes.GetValueOrDefault(pane).Sum + value;
                var fireNow = start + Size - 1 <= watermark;
                panes[pane] = (sum, fireNow || panes.GetValueOrDefault(pane).Fired);
                if (fireNow)
                    firings.Add($"{key}@{start}={sum}");
            }
            maxTimestamp = Math.Max(maxTimestamp, ts);
            if (maxTimestamp - Bound - 1 > watermark)
                Advance(maxTimestamp - Bound - 1);
        }
        Advance(long.MaxValue);
        return (firings, late);
    }

    private sealed class SumPerWindow : ProcessWindowFunction<(string Key, long Ts, long Value), string, string, TimeWindow>
    {
        public override void Process(string key, Context context, IEnumerable<(string Key, long Ts, long Value)> elements, ICollector<string> output) =>
            output.Collect($"{key}@{context.Window.Start}={elements.Sum(e => e.Value)}");
    }
}
