using ActorStream.Graph.Operators;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.Sources;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.Time;

public sealed class BatchModeWatermarkTests
{
    [Fact]
    public void In_batch_mode_a_source_should_emit_only_the_final_watermark()
    {
        var source = new SourceOperator<long>(new CollectionSource<long>([10, 20, 30]),
            WatermarkStrategy<long>.ForMonotonousTimestamps().WithTimestampAssigner((v, _) => v), emitWatermarkPerEvent: true);
        var output = new CollectingOutput<long>();
        source.Setup(OperatorContext.ForTest(mode: RuntimeExecutionMode.Batch), output);
        source.Open();

        while (source.EmitNext() != InputStatus.EndOfInput)
            source.EmitPeriodicWatermark();
        source.EndInput();

        Assert.Equal([10L, 20L, 30L], output.Values);
        Assert.Equal([Watermarks.Max], output.Watermarks);
    }

    [Fact]
    public void In_batch_mode_assigning_timestamps_should_pass_only_the_final_watermark()
    {
        var op = new TimestampsAndWatermarksOperator<long>(
            WatermarkStrategy<long>.ForMonotonousTimestamps().WithTimestampAssigner((v, _) => v), TimeSpan.Zero);
        var harness = OperatorHarness.For(op, OperatorContext.ForTest(mode: RuntimeExecutionMode.Batch)).Open();

        harness.ProcessElement(5);
        harness.ProcessElement(7);
        harness.ProcessWatermark(Watermarks.Max);

        Assert.Equal([new StreamRecord<long>(5, 5), new StreamRecord<long>(7, 7)], harness.Records);
        Assert.Equal([Watermarks.Max], harness.Output.Watermarks);
    }
}
