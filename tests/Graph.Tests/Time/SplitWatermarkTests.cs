using ActorStream.Graph.Operators;
using ActorStream.Graph.Sources;
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

    [Fact]
    public void A_split_without_records_for_the_idle_timeout_should_stop_holding_the_watermark_back()
    {
        var clock = new ManualProcessingTimeService(start: 1_000);
        var steps = new Queue<Action<ISourceOutput<long>>>(
        [
            o => o.ForSplit("empty"), // a partition that never gets a record
            o => o.ForSplit("busy").Collect(100),
            o => o.ForSplit("busy").Collect(200),
            o => o.ForSplit("busy").Collect(300),
            o => o.ForSplit("empty").Collect(150), // wakes up behind the combined watermark: cannot lower it
            o => o.ForSplit("busy").Collect(400),
        ]);
        var source = new SourceOperator<long>(new ScriptedSource(steps),
            WatermarkStrategy<long>.ForMonotonousTimestamps().WithTimestampAssigner((v, _) => v).WithIdleness(TimeSpan.FromMilliseconds(100)),
            emitWatermarkPerEvent: true);
        var output = new CollectingOutput<long>();
        source.Setup(OperatorContext.ForTest(processingTime: clock), output);
        source.Open();

        source.EmitNext();
        source.EmitNext();
        clock.AdvanceTo(1_050);
        source.EmitNext();
        Assert.Empty(output.Watermarks); // "empty" holds event time at its minimum
        clock.AdvanceTo(1_100); // "empty" idle for 100 ms; "busy" had a record 50 ms ago
        Assert.Equal([199L], output.Watermarks);
        source.EmitNext();
        Assert.Equal([199L, 299L], output.Watermarks);
        source.EmitNext(); // "empty" active again at 149
        source.EmitNext();
        Assert.Equal([199L, 299L], output.Watermarks); // min(149, 399) is below 299: no new watermark
    }

    [Fact]
    public void A_source_should_emit_side_output_records_to_their_tag()
    {
        var rejected = new OutputTag<string>("rejected");
        var steps = new Queue<Action<ISourceOutput<long>>>([o => o.Collect(1), o => o.CollectSide(rejected, "bad", 77), o => o.ForSplit("a").CollectSide(rejected, "worse", 78)]);
        var source = new SourceOperator<long>(new ScriptedSource(steps), WatermarkStrategy<long>.NoWatermarks(), emitWatermarkPerEvent: false);
        var output = new CollectingOutput<long>();
        source.Setup(OperatorContext.ForTest(), output);
        source.Open();
        while (source.EmitNext() == InputStatus.MoreAvailable) { }

        Assert.Equal([1L], output.Values);
        Assert.Equal(["bad@77", "worse@78"], output.SideOutput(rejected).Select(r => $"{r.Value}@{r.Timestamp}"));
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
