using ActorStream.Actors.Tests.Support;
using ActorStream.Graph;
using ActorStream.Graph.Sources;
using ActorStream.Graph.Windowing;

namespace ActorStream.Actors.Tests;

/// <summary>Source subtasks that own no split are idle from the start, so event time downstream follows the ones that read.</summary>
public sealed class SplitlessSourceSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>, IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("splitless-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task One_text_file_read_at_parallelism_3_should_give_the_same_exact_windows_in_every_run()
    {
        var file = Path.Combine(_dir.FullName, "events.txt");
        // Mostly ordered, every 7th line 150 ms behind: late beyond the bound of 50 ms unless its window is still open.
        var lines = Enumerable.Range(0, 600).Select(i => (Key: $"k{i % 4}", Ts: Math.Max(0, i * 10L - (i % 7 == 0 ? 150 : 0)), Value: (long)i)).ToList();
        await File.WriteAllLinesAsync(file, lines.Select(l => $"{l.Key},{l.Ts},{l.Value}"));
        var expected = Reference(lines, bound: 50, size: 100);
        Assert.Contains(expected.Late, _ => true);

        for (var run = 0; run < 3; run++)
        {
            var results = new CollectSink<string>();
            var late = new CollectSink<string>();
            var env = fixture.CreateEnvironment(parallelism: 3);
            env.RuntimeMode = RuntimeExecutionMode.Streaming;
            env.AutoWatermarkInterval = TimeSpan.Zero; // a watermark after every line that advances it
            var windowed = env.FromSource(new TextLineSource(file), WatermarkStrategy<string>
                    .ForBoundedOutOfOrderness(TimeSpan.FromMilliseconds(50)).WithTimestampAssigner((line, _) => long.Parse(line.Split(',')[1])), "file")
                .Map(line => line.Split(',') is var f ? (Key: f[0], Ts: long.Parse(f[1]), Value: long.Parse(f[2])) : default)
                .KeyBy(e => e.Key)
                .Window(TumblingEventTimeWindows.Of(TimeSpan.FromMilliseconds(100)))
                .SideOutputLateData(LateTag)
                .Process(new SumPerWindow());
            windowed.SinkTo(results);
            windowed.GetSideOutput(LateTag).Map(e => $"{e.Key}@{e.Ts}").SinkTo(late);

            await env.ExecuteAsync($"splitless-file-{run}");

            Assert.Equal(expected.Firings.Order(), results.Values.Order());
            Assert.Equal(expected.Late.Order(), late.Values.Order());
        }
    }

    [Fact]
    public async Task An_endless_source_with_one_split_at_parallelism_3_should_fire_windows_while_it_runs()
    {
        var env = fixture.CreateEnvironment(parallelism: 3);
        env.RuntimeMode = RuntimeExecutionMode.Streaming;
        env.AutoWatermarkInterval = TimeSpan.FromMilliseconds(20);
        var sink = new CollectSink<string>();
        env.FromSource(new OneSplitSource(250), WatermarkStrategy<long>.ForMonotonousTimestamps().WithTimestampAssigner((v, _) => v * 10), "one-split")
            .KeyBy(v => v % 2)
            .Window(TumblingEventTimeWindows.Of(TimeSpan.FromMilliseconds(1000)))
            .Reduce((a, b) => a + b)
            .Map(sum => sum.ToString())
            .SinkTo(sink);

        var job = await env.StartAsync("splitless-endless");
        // Without idleness, two subtasks that never read hold the windows' watermark at its minimum forever.
        await Eventually.WaitUntil(() => sink.Values.Count >= 4);
        await job.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job.Completion);

        // Windows [0, 1000) and [1000, 2000): the sums of the even and the odd numbers of 0..99 and 100..199.
        Assert.Equal(["2450", "2500", "7450", "7500"], sink.Values.Order(StringComparer.Ordinal));
    }

    private static readonly OutputTag<(string Key, long Ts, long Value)> LateTag = new("late");

    /// <summary>Flink's rules for one in-order reader with per-event watermarks: max timestamp - bound - 1; a window fires once the watermark reaches its end.</summary>
    private static (List<string> Firings, List<string> Late) Reference(List<(string Key, long Ts, long Value)> lines, long bound, long size)
    {
        var watermark = long.MinValue;
        var late = new List<string>();
        var kept = new List<(string Key, long Ts, long Value)>();
        foreach (var line in lines)
        {
            var windowEnd = line.Ts - line.Ts % size + size;
            if (windowEnd - 1 <= watermark)
                late.Add($"{line.Key}@{line.Ts}");
            else
                kept.Add(line);
            watermark = Math.Max(watermark, line.Ts - bound - 1);
        }
        var firings = kept.GroupBy(l => (l.Key, Start: l.Ts - l.Ts % size)).Select(g => $"{g.Key.Key}:{g.Key.Start}={g.Sum(l => l.Value)}").ToList();
        return (firings, late);
    }

    private sealed class SumPerWindow : ProcessWindowFunction<(string Key, long Ts, long Value), string, string, TimeWindow>
    {
        public override void Process(string key, Context context, IEnumerable<(string Key, long Ts, long Value)> elements, ICollector<string> output) =>
            output.Collect($"{key}:{context.Window.Start}={elements.Sum(e => e.Value)}");
    }

    /// <summary>An endless source with one split: subtask 0 reads 0..count-1 and then waits forever; the others own nothing.</summary>
    private sealed class OneSplitSource(long count) : ISource<long>
    {
        public Boundedness Boundedness => Boundedness.ContinuousUnbounded;

        public ISourceReader<long> CreateReader(SourceReaderContext context) => new Reader(context.SubtaskIndex == 0 ? count : 0);

        private sealed class Reader(long count) : ISourceReader<long>
        {
            private long _next;

            public int? AssignedSplits => count > 0 ? 1 : 0;

            public InputStatus PollNext(ISourceOutput<long> output)
            {
                if (_next >= count)
                    return InputStatus.NothingAvailable;
                output.Collect(_next++);
                return InputStatus.MoreAvailable;
            }

            public Task WaitForAvailabilityAsync(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

            public byte[] SnapshotState(long checkpointId) => [];

            public void Dispose() { }
        }
    }
}
