using ActorStream.Graph.Operators;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.Time;

public sealed class SplitWatermarkTests
{
    [Fact]
    public void The_source_watermark_should_be_the_minimum_over_active_splits()
    {
        var steps = new Queue<Action<ISourceOutput<long>>>(
        [
            o => o.ForSplit("a").Collect(100),
            o => o.ForSplit("b").Collect(50),
            o => o.ForSplit("a").Collect(300),
            o => o.ForSplit("b").Collect(60),
            o => o.ReleaseSplit("b"),
            o => o.ForSplit("a").Collect(400),
        ]);
        var source = new SourceOperator<long>(new ScriptedSource(steps),
            WatermarkStrategy<long>.ForMonotonousTimestamps().WithTimestampAssigner((v, _) => v), emitWatermarkPerEvent: true);
        var output = new CollectingOutput<long>();
        source.Setup(OperatorContext.ForTest(), output);
        source.Open();

        while (source.EmitNext() == InputStatus.MoreAvailable) { }

        Assert.Equal([100L, 50L, 300L, 60L, 400L], output.Values);
        // a alone: 99; b holds event time at 49..59 (never going back); b released: a's 299; then 399.
        Assert.Equal([99L, 299L, 399L], output.Watermarks);
    }

    [Fact]
    public void Periodic_emission_should_ask_every_split_generator()
    {
        var steps = new Queue<Action<ISourceOutput<long>>>([o => o.ForSplit("a").Collect(10), o => o.ForSplit("b").Collect(20)]);
        var source = new SourceOperator<long>(new ScriptedSource(steps),
            WatermarkStrategy<long>.ForMonotonousTimestamps().WithTimestampAssigner((v, _) => v), emitWatermarkPerEvent: false);
        var output = new CollectingOutput<long>();
        source.Setup(OperatorContext.ForTest(), output);
        source.Open();
        while (source.EmitNext() == InputStatus.MoreAvailable) { }

        source.EmitPeriodicWatermark();

        Assert.Equal([9L], output.Watermarks);
    }

    private sealed class ScriptedSource(Queue<Action<ISourceOutput<long>>> steps) : ISource<long>
    {
        public Boundedness Boundedness => Boundedness.Bounded;

        public ISourceReader<long> CreateReader(SourceReaderContext context) => new Reader(steps);

        private sealed class Reader(Queue<Action<ISourceOutput<long>>> steps) : ISourceReader<long>
        {
            public InputStatus PollNext(ISourceOutput<long> output)
            {
                if (!steps.TryDequeue(out var step))
                    return InputStatus.EndOfInput;
                step(output);
                return InputStatus.MoreAvailable;
            }

            public Task WaitForAvailabilityAsync(CancellationToken cancellationToken) => Task.CompletedTask;

            public byte[] SnapshotState(long checkpointId) => [];

            public void Dispose() { }
        }
    }
}
