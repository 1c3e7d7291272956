using ActorStream.Graph.Operators;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.Sources;

namespace ActorStream.Graph.Tests.Time;

/// <summary>
/// Watermark alignment inside one source subtask: a split that runs more than the drift ahead of the slowest split
/// pauses until it catches up; the whole subtask pauses when the job master reports a group minimum it is too far
/// ahead of. Timestamps are the values; watermarks come per event (timestamp - 1); alignment is checked every 10 ms.
/// </summary>
public sealed class WatermarkAlignmentTests
{
    private static WatermarkStrategy<long> Aligned(long maxDrift = 50) =>
        WatermarkStrategy<long>.ForMonotonousTimestamps().WithTimestampAssigner((v, _) => v)
            .WithWatermarkAlignment("g", TimeSpan.FromMilliseconds(maxDrift), TimeSpan.FromMilliseconds(10));

    private static SourceOperatorHarness<long> Harness(SplitsReader reader, WatermarkStrategy<long>? strategy = null) =>
        SourceOperatorHarness<long>.Create(new OneReaderSource(reader), strategy ?? Aligned(), emitWatermarkPerEvent: true,
            OperatorContext.ForTest(processingTime: new ManualProcessingTimeService(0))).Open();

    private static void Poll(SourceOperatorHarness<long> harness, int times)
    {
        for (var i = 0; i < times; i++)
            harness.EmitNext();
    }

    [Fact]
    public void A_split_ahead_of_the_slowest_by_more_than_the_drift_should_pause_until_it_catches_up()
    {
        var reader = new SplitsReader(("fast", 0, 100), ("slow", 0, 10));
        var harness = Harness(reader);
        Poll(harness, 4); // fast 0, slow 0, fast 100, slow 10: watermarks fast 99, slow 9

        var clock = (ManualProcessingTimeService)harness.Context.ProcessingTime;
        clock.AdvanceTo(10); // 99 > 9 + 50
        Assert.Equal(["fast"], harness.Operator.PausedSplits);
        Poll(harness, 9); // only the slow split reads: 20 .. 100
        Assert.Equal([0, 0, 100, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], harness.Values);
        clock.AdvanceTo(20); // slow's watermark 99: fast (99) is within the drift again
        Assert.Empty(harness.Operator.PausedSplits);
        Poll(harness, 2);

        Assert.Equal([0, 0, 100, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 200, 110], harness.Values);
        Assert.Equal([("fast", true), ("fast", false)], reader.Calls);
        Assert.False(harness.Operator.PausedForAlignment);
    }

    [Fact]
    public void A_subtask_ahead_of_the_group_minimum_should_not_be_polled_until_the_minimum_catches_up()
    {
        var reader = new SplitsReader(("only", 0, 100));
        var harness = Harness(reader);
        Poll(harness, 3); // 0, 100, 200: watermark 199

        harness.Operator.UpdateGroupWatermark(100); // allowed up to 150
        var resumed = harness.Operator.WaitForAvailabilityAsync(CancellationToken.None);
        Assert.True(harness.Operator.PausedForAlignment);
        Assert.Equal(InputStatus.NothingAvailable, harness.EmitNext());
        Assert.False(resumed.IsCompleted);
        harness.Operator.UpdateGroupWatermark(149); // allowed up to 199
        Assert.True(resumed.IsCompleted);
        Assert.Equal(InputStatus.MoreAvailable, harness.EmitNext());

        Assert.Equal([0, 100, 200, 300], harness.Values);
        Assert.Equal(299, harness.Operator.AlignmentWatermark);
        Assert.Equal([("only", true), ("only", false)], reader.Calls); // its split paused and resumed with it, as in Flink
    }

    [Fact]
    public void A_reader_that_cannot_pause_splits_should_keep_reading_them_all()
    {
        var reader = new SplitsReader(("fast", 0, 100), ("slow", 0, 10)) { CanPause = false };
        var harness = Harness(reader);
        Poll(harness, 4);

        ((ManualProcessingTimeService)harness.Context.ProcessingTime).AdvanceTo(10);
        Poll(harness, 2);

        Assert.Equal([0, 0, 100, 10, 200, 20], harness.Values);
        Assert.Empty(harness.Operator.PausedSplits);
        Assert.Equal([("fast", true)], reader.Calls); // asked once, then aligned only as a whole subtask
    }

    [Fact]
    public void An_ended_source_should_report_the_maximum_so_it_holds_no_one_back()
    {
        var harness = SourceOperatorHarness<long>.Create(new NumberSequenceSource(5, 7), Aligned(), emitWatermarkPerEvent: true).Open();
        Assert.Equal(Watermarks.Min, harness.Operator.AlignmentWatermark);
        harness.EmitNext();
        Assert.Equal(4, harness.Operator.AlignmentWatermark);

        harness.RunToEnd();

        Assert.Equal(Watermarks.Max, harness.Operator.AlignmentWatermark);
    }

    [Fact]
    public void Alignment_should_be_refused_without_watermarks_or_with_a_drift_below_a_millisecond()
    {
        var noWatermarks = Assert.Throws<InvalidOperationException>(() =>
            WatermarkStrategy<long>.NoWatermarks().WithWatermarkAlignment("g", TimeSpan.FromSeconds(1)));
        Assert.Contains("needs watermarks", noWatermarks.Message);
        var drift = Assert.Throws<ArgumentOutOfRangeException>(() =>
            WatermarkStrategy<long>.ForMonotonousTimestamps().WithWatermarkAlignment("g", TimeSpan.Zero));
        Assert.Contains("at least 1 ms", drift.Message);
        var kept = WatermarkStrategy<long>.ForMonotonousTimestamps().WithWatermarkAlignment("g", TimeSpan.FromSeconds(2))
            .WithIdleness(TimeSpan.FromSeconds(5)).WithTimestampAssigner((v, _) => v);
        Assert.Equal(new WatermarkAlignmentParams("g", 2000, 1000), kept.Alignment);
    }

    /// <summary>Reads its splits round robin, skipping paused ones: split i emits start, start + step, ...</summary>
    private sealed class SplitsReader(params (string Id, long Start, long Step)[] splits) : ISourceReader<long>
    {
        private readonly long[] _next = splits.Select(s => s.Start).ToArray();
        private readonly HashSet<string> _paused = [];
        private int _turn;

        public bool CanPause { get; init; } = true;

        public List<(string Split, bool Pause)> Calls { get; } = [];

        public InputStatus PollNext(ISourceOutput<long> output)
        {
            for (var i = 0; i < splits.Length; i++)
            {
                var index = (_turn + i) % splits.Length;
                if (_paused.Contains(splits[index].Id))
                    continue;
                _turn = index + 1;
                output.ForSplit(splits[index].Id).Collect(_next[index]);
                _next[index] += splits[index].Step;
                return InputStatus.MoreAvailable;
            }
            return InputStatus.NothingAvailable;
        }

        public bool PauseOrResumeSplits(IReadOnlyCollection<string> toPause, IReadOnlyCollection<string> toResume)
        {
            Calls.AddRange(toPause.Select(id => (id, true)));
            if (!CanPause)
                return false;
            Calls.AddRange(toResume.Select(id => (id, false)));
            _paused.UnionWith(toPause);
            _paused.ExceptWith(toResume);
            return true;
        }

        public Task WaitForAvailabilityAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public byte[] SnapshotState(long checkpointId) => [];

        public void Dispose() { }
    }

    private sealed class OneReaderSource(ISourceReader<long> reader) : ISource<long>
    {
        public Boundedness Boundedness => Boundedness.ContinuousUnbounded;

        public ISourceReader<long> CreateReader(SourceReaderContext context) => reader;
    }
}
