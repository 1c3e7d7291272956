using ActorStream.Graph.Operators;
using ActorStream.Graph.Sources;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.Time;

public sealed class SourceIdlenessTests
{
    [Fact]
    public void A_source_without_records_for_the_timeout_should_mark_itself_idle_and_wake_with_its_next_record()
    {
        var clock = new ManualProcessingTimeService(start: 1_000);
        var items = new Queue<long>([5, 6]);
        var source = new SourceOperator<long>(new DrainQueueSource(items),
            WatermarkStrategy<long>.ForMonotonousTimestamps().WithTimestampAssigner((v, _) => v).WithIdleness(TimeSpan.FromMilliseconds(100)),
            emitWatermarkPerEvent: true);
        var output = new StatusRecordingOutput();
        source.Setup(OperatorContext.ForTest(processingTime: clock), output);
        source.Open();

        source.EmitNext();
        clock.AdvanceTo(1_099);
        Assert.Equal(["record 5", "watermark 4"], output.Log);
        clock.AdvanceTo(1_100);
        Assert.Equal("idle", output.Log[^1]);

        source.EmitNext();
        Assert.Equal(["record 5", "watermark 4", "idle", "active", "record 6", "watermark 5"], output.Log);
    }

    private sealed class DrainQueueSource(Queue<long> items) : ISource<long>
    {
        public Boundedness Boundedness => Boundedness.ContinuousUnbounded;

        public ISourceReader<long> CreateReader(SourceReaderContext context) =>
            new EnumeratorLikeReader(items);

        private sealed class EnumeratorLikeReader(Queue<long> items) : ISourceReader<long>
        {
            public InputStatus PollNext(ISourceOutput<long> output)
            {
                if (!items.TryDequeue(out var item))
                    return InputStatus.NothingAvailable;
                output.Collect(item);
                return InputStatus.MoreAvailable;
            }

            public Task WaitForAvailabilityAsync(CancellationToken cancellationToken) => Task.CompletedTask;

            public byte[] SnapshotState(long checkpointId) => [];

            public void Dispose() { }
        }
    }

    private sealed class StatusRecordingOutput : Graph.Runtime.IOutput<long>
    {
        public List<string> Log { get; } = [];

        public void Collect(in Graph.Runtime.StreamRecord<long> record) => Log.Add($"record {record.Value}");

        public void Collect<TSide>(OutputTag<TSide> tag, in Graph.Runtime.StreamRecord<TSide> record) { }

        public void EmitWatermark(long watermark) => Log.Add($"watermark {watermark}");

        public void EmitWatermarkStatus(bool idle) => Log.Add(idle ? "idle" : "active");
    }
}
