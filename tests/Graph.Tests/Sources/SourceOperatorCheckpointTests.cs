using ActorStream.Graph.Operators;
using ActorStream.Graph.Sources;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.Sources;

public sealed class SourceOperatorCheckpointTests
{
    /// <summary>Numbers from..to with timestamp n * 1000 and monotonous watermarks after every event.</summary>
    private static SourceOperatorHarness<long> Harness(long from, long to, int subtask = 0, int parallelism = 1) =>
        SourceOperatorHarness<long>.Create(new NumberSequenceSource(from, to),
            WatermarkStrategy<long>.ForMonotonousTimestamps().WithTimestampAssigner((n, _) => n * 1000), emitWatermarkPerEvent: true,
            context: OperatorContext.ForTest(subtaskIndex: subtask, parallelism: parallelism));

    private static SourceOperatorHarness<long> Restored(long from, long to, IReadOnlyList<byte[]> states, int subtask = 0, int parallelism = 1)
    {
        var harness = Harness(from, to, subtask, parallelism);
        harness.Operator.InitializeOperatorState(states);
        return harness.Open();
    }

    private static void Poll(SourceOperatorHarness<long> harness, int times)
    {
        for (var i = 0; i < times; i++)
            Assert.Equal(InputStatus.MoreAvailable, harness.EmitNext());
    }

    [Fact]
    public void Restored_source_should_emit_its_watermark_first_then_the_records_after_the_snapshot()
    {
        var first = Harness(1, 6).Open();
        Poll(first, 4);
        var state = first.Operator.SnapshotOperatorState(checkpointId: 1);

        var restored = Restored(1, 6, [state!]);
        restored.RunToEnd();

        Assert.Equal([1L, 2, 3, 4], first.Values);
        Assert.Equal(
            [
                new WatermarkEmitted(3999), new RecordEmitted(5L, 5000), new WatermarkEmitted(4999),
                new RecordEmitted(6L, 6000), new WatermarkEmitted(5999), new WatermarkEmitted(long.MaxValue),
            ],
            restored.Output.Events);
    }

    [Fact]
    public void Restored_source_should_start_from_the_lowest_restored_watermark_and_never_emit_below_it()
    {
        // Two subtasks of 1..10: subtask 0 read 1..3 (watermark 2999), subtask 1 read 6..9 (watermark 8999).
        var left = Harness(1, 10, 0, 2).Open();
        Poll(left, 3);
        var right = Harness(1, 10, 1, 2).Open();
        Poll(right, 4);
        byte[][] states = [right.Operator.SnapshotOperatorState(1)!, left.Operator.SnapshotOperatorState(1)!];

        var restored = Restored(1, 10, states);
        restored.RunToEnd();

        Assert.Equal([4L, 5, 10], restored.Values);
        Assert.Equal([2999L, 3999, 4999, 9999, long.MaxValue], restored.Output.Watermarks);
    }

    [Fact]
    public void A_fresh_source_should_pass_no_restored_state_and_emit_no_initial_watermark()
    {
        var harness = Harness(1, 2).Open();

        Assert.Empty(harness.Output.Events);
        Assert.Equal(InputStatus.MoreAvailable, harness.EmitNext());
        Assert.Equal([new RecordEmitted(1L, 1000), new WatermarkEmitted(999)], harness.Output.Events);
    }

    [Fact]
    public void Final_watermark_should_be_emitted_once_whether_before_the_final_checkpoint_or_at_EndInput()
    {
        var harness = Harness(1, 1).Open();
        Poll(harness, 1);
        Assert.Equal(InputStatus.EndOfInput, harness.EmitNext());

        harness.Operator.EmitFinalWatermark();
        var state = harness.Operator.SnapshotOperatorState(checkpointId: 7);
        harness.EndInput();

        Assert.Equal([999L, long.MaxValue], harness.Output.Watermarks);
        var restored = Restored(1, 1, [state!]);
        Assert.Equal([long.MaxValue], restored.Output.Watermarks);
        Assert.Equal(InputStatus.EndOfInput, restored.EmitNext());
    }

    [Fact]
    public void Source_should_pass_checkpoint_completion_to_its_reader()
    {
        var source = new NotifiedSource();
        var harness = SourceOperatorHarness<int>.Create(source).Open();

        harness.Operator.NotifyCheckpointComplete(3);

        Assert.Equal([3L], source.Completed);
    }

    private sealed class NotifiedSource : ISource<int>
    {
        public List<long> Completed { get; } = [];

        public Boundedness Boundedness => Boundedness.Bounded;

        public ISourceReader<int> CreateReader(SourceReaderContext context) => new Reader(Completed);

        private sealed class Reader(List<long> completed) : ISourceReader<int>
        {
            public InputStatus PollNext(ISourceOutput<int> output) => InputStatus.EndOfInput;

            public Task WaitForAvailabilityAsync(CancellationToken cancellationToken) => Task.CompletedTask;

            public byte[] SnapshotState(long checkpointId) => [];

            public void NotifyCheckpointComplete(long checkpointId) => completed.Add(checkpointId);

            public void Dispose() { }
        }
    }
}
