using System.Buffers.Binary;
using ActorStream.Graph.Operators;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.Time;

/// <summary>The watermark assigner's operator state is its last watermark, so that event time does not fall back after a restore.</summary>
public sealed class WatermarkRestoreTests
{
    private static readonly WatermarkStrategy<long> Bounded =
        WatermarkStrategy<long>.ForBoundedOutOfOrderness(TimeSpan.FromMilliseconds(5)).WithTimestampAssigner((v, _) => v);

    private static OperatorHarness<long, long> Harness(WatermarkStrategy<long>? strategy = null, RuntimeExecutionMode mode = RuntimeExecutionMode.Streaming) =>
        OperatorHarness.For(new TimestampsAndWatermarksOperator<long>(strategy ?? Bounded, TimeSpan.Zero), OperatorContext.ForTest(mode: mode));

    private static byte[] State(long watermark)
    {
        var state = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(state, watermark);
        return state;
    }

    [Fact]
    public void The_snapshot_should_hold_the_last_emitted_watermark_also_before_any()
    {
        var harness = Harness().Open();
        Assert.Equal(State(Watermarks.Min), harness.Snapshot(1).OperatorState);

        harness.ProcessElements(100, 120, 110);

        Assert.Equal(State(114), harness.Snapshot(2).OperatorState);
    }

    [Fact]
    public void A_restored_operator_should_emit_the_smallest_restored_watermark_before_any_record()
    {
        var harness = Harness();
        harness.Operator.InitializeOperatorState([State(114), State(90), State(200)]);
        harness.Open();
        harness.ProcessElements(50, 97);

        Assert.Equal([new WatermarkEmitted(90), new RecordEmitted(50L, 50), new RecordEmitted(97L, 97), new WatermarkEmitted(91)], harness.Output.Events);
    }

    [Fact]
    public void A_restored_operator_should_never_emit_below_its_restored_watermark()
    {
        var harness = Harness();
        harness.Operator.InitializeOperatorState([State(114)]);
        harness.Open();
        harness.ProcessElements(100, 119, 121);

        Assert.Equal([114L, 115L], harness.Output.Watermarks);
    }

    [Fact]
    public void Downstream_watermarks_after_a_restore_should_be_those_of_a_run_without_the_failure()
    {
        long[] events = [10, 30, 22, 41, 35, 60, 58, 44, 90, 71];
        for (var failAfter = 0; failAfter <= events.Length; failAfter++)
        {
            var uninterrupted = Harness().Open();
            uninterrupted.ProcessElements(events);

            var before = Harness().Open();
            before.ProcessElements(events[..failAfter]);
            var restored = Harness().InitializeState(before.Snapshot(1)).Open();
            restored.ProcessElements(events[failAfter..]);

            Assert.Equal(uninterrupted.Output.Watermarks, before.Output.Watermarks.Concat(restored.Output.Watermarks).Distinct());
        }
    }

    [Fact]
    public void A_subtask_that_never_emitted_should_hold_every_new_subtask_back()
    {
        var restored = Harness();
        restored.Operator.InitializeOperatorState([State(500), State(Watermarks.Min)]);
        restored.Open();
        restored.ProcessElements(10);

        Assert.Equal([4L], restored.Output.Watermarks);
    }

    [Fact]
    public void Batch_mode_should_not_emit_a_restored_watermark()
    {
        var restored = Harness(mode: RuntimeExecutionMode.Batch);
        restored.Operator.InitializeOperatorState([State(500)]);
        restored.Open();

        Assert.Empty(restored.Output.Events);
    }
}
