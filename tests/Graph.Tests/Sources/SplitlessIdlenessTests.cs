using ActorStream.Graph.Operators;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.Sources;

namespace ActorStream.Graph.Tests.Sources;

/// <summary>A source subtask whose reader owns no split marks itself idle at once, and active when a split arrives.</summary>
public sealed class SplitlessIdlenessTests : IDisposable
{
    private static readonly WatermarkStrategy<string> ByNumber =
        WatermarkStrategy<string>.ForMonotonousTimestamps().WithTimestampAssigner((line, _) => long.Parse(line));

    private readonly string _file = Path.Combine(Directory.CreateTempSubdirectory("graph-tests-").FullName, "only.txt");

    public SplitlessIdlenessTests() => File.WriteAllText(_file, "10\n20\n30\n");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_file)!, recursive: true);

    private SourceOperatorHarness<string> Subtask(int index, RuntimeExecutionMode mode = RuntimeExecutionMode.Streaming) =>
        SourceOperatorHarness<string>.Create(new TextLineSource(_file), ByNumber, emitWatermarkPerEvent: true,
            OperatorContext.ForTest(subtaskIndex: index, parallelism: 3, mode: mode)).Open();

    [Fact]
    public void A_subtask_without_a_file_should_be_idle_from_the_start_and_active_after_its_final_watermark()
    {
        var harness = Subtask(2);
        Assert.Equal([new WatermarkStatusEmitted(Idle: true)], harness.Output.Events);

        harness.RunToEnd();

        Assert.Equal([new WatermarkStatusEmitted(true), new WatermarkEmitted(Watermarks.Max), new WatermarkStatusEmitted(false)],
            harness.Output.Events);
    }

    [Fact]
    public void The_subtask_that_owns_the_file_should_never_be_idle()
    {
        var harness = Subtask(0);

        harness.RunToEnd();

        Assert.Equal(["10", "20", "30"], harness.Values);
        Assert.Empty(harness.Output.Statuses);
        Assert.Equal([9, 19, 29, Watermarks.Max], harness.Output.Watermarks);
    }

    [Fact]
    public void A_batch_subtask_without_a_file_should_emit_no_status()
    {
        var harness = Subtask(1, RuntimeExecutionMode.Batch);

        harness.RunToEnd();

        Assert.Equal([new WatermarkEmitted(Watermarks.Max)], harness.Output.Events);
    }

    [Fact]
    public void A_subtask_should_become_active_when_a_split_arrives_and_idle_again_when_it_has_none()
    {
        var reader = new AssignableReader();
        var harness = SourceOperatorHarness<long>.Create(new SingleReaderSource(reader),
            WatermarkStrategy<long>.ForMonotonousTimestamps().WithTimestampAssigner((v, _) => v), emitWatermarkPerEvent: true).Open();
        Assert.Equal([true], harness.Output.Statuses);
        Assert.Equal(InputStatus.NothingAvailable, harness.EmitNext());
        Assert.Equal([true], harness.Output.Statuses);

        reader.Splits = 1;
        harness.EmitPeriodicWatermark();
        Assert.Equal([true, false], harness.Output.Statuses);
        reader.Pending.Enqueue(5);
        harness.EmitNext();
        reader.Splits = 0;
        harness.EmitNext();

        Assert.Equal([new WatermarkStatusEmitted(true), new WatermarkStatusEmitted(false), new RecordEmitted(5L, 5), new WatermarkEmitted(4),
            new WatermarkStatusEmitted(true)], harness.Output.Events);
    }

    [Fact]
    public void A_record_from_a_subtask_idle_for_want_of_splits_should_make_it_active_first()
    {
        var reader = new AssignableReader();
        var harness = SourceOperatorHarness<long>.Create(new SingleReaderSource(reader),
            WatermarkStrategy<long>.ForMonotonousTimestamps().WithTimestampAssigner((v, _) => v), emitWatermarkPerEvent: true).Open();
        reader.Pending.Enqueue(7); // the reader took a split and read from it within one poll

        harness.EmitNext();

        Assert.Equal([new WatermarkStatusEmitted(true), new WatermarkStatusEmitted(false), new RecordEmitted(7L, 7), new WatermarkEmitted(6)],
            harness.Output.Events);
    }

    /// <summary>A reader that owns <see cref="Splits"/> splits and emits what the test queues.</summary>
    private sealed class AssignableReader : ISourceReader<long>
    {
        public int Splits { get; set; }

        public Queue<long> Pending { get; } = new();

        public int? AssignedSplits => Splits;

        public InputStatus PollNext(ISourceOutput<long> output)
        {
            if (!Pending.TryDequeue(out var value))
                return InputStatus.NothingAvailable;
            output.Collect(value);
            return InputStatus.MoreAvailable;
        }

        public Task WaitForAvailabilityAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public byte[] SnapshotState(long checkpointId) => [];

        public void Dispose() { }
    }

    private sealed class SingleReaderSource(ISourceReader<long> reader) : ISource<long>
    {
        public Boundedness Boundedness => Boundedness.ContinuousUnbounded;

        public ISourceReader<long> CreateReader(SourceReaderContext context) => reader;
    }
}
