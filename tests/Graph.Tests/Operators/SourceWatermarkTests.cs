using ActorStream.Graph.Operators;
using ActorStream.Graph.Plan;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.Sources;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.Operators;

/// <summary>Timestamp assignment and watermark generation in the source operator.</summary>
public sealed class SourceWatermarkTests
{
    private sealed record Reading(string Sensor, long Time);

    private static readonly Reading[] OutOfOrder = [new("s1", 100), new("s2", 120), new("s1", 110)];

    /// <summary>Bounded out-of-orderness of 10 ms, timestamps taken from <see cref="Reading.Time"/>.</summary>
    private static WatermarkStrategy<Reading> TenMillisLate() =>
        WatermarkStrategy<Reading>.ForBoundedOutOfOrderness(TimeSpan.FromMilliseconds(10)).WithTimestampAssigner((r, _) => r.Time);

    private static SourceOperatorHarness<Reading> Open(bool perEvent, params Reading[] readings) =>
        SourceOperatorHarness<Reading>.Create(new CollectionSource<Reading>(readings), TenMillisLate(), perEvent).Open();

    [Fact]
    public void The_timestamp_assigner_should_stamp_every_record()
    {
        var harness = Open(false, OutOfOrder);

        harness.RunToEnd();

        Assert.Equal([100L, 120, 110], harness.Output.Records.Select(r => r.Timestamp));
    }

    [Fact]
    public void Periodic_mode_should_emit_watermarks_only_when_asked()
    {
        var harness = Open(false, OutOfOrder);

        for (var i = 0; i < OutOfOrder.Length; i++)
            harness.EmitNext();
        Assert.Empty(harness.Output.Watermarks);

        harness.EmitPeriodicWatermark();

        Assert.Equal([120L - 10 - 1], harness.Output.Watermarks);
    }

    [Fact]
    public void Periodic_mode_should_emit_nothing_before_the_first_event_and_nothing_when_event_time_did_not_advance()
    {
        var harness = Open(false, OutOfOrder);

        harness.EmitPeriodicWatermark();
        harness.EmitNext();
        harness.EmitPeriodicWatermark();
        harness.EmitPeriodicWatermark();
        harness.EmitNext();
        harness.EmitNext();
        harness.EmitPeriodicWatermark();

        Assert.Equal([89L, 109], harness.Output.Watermarks);
    }

    [Fact]
    public void Per_event_mode_should_follow_each_record_with_its_watermark_when_it_advances()
    {
        var harness = Open(true, OutOfOrder);

        harness.RunToEnd();

        Assert.Equal(
            [
                new RecordEmitted(OutOfOrder[0], 100), new WatermarkEmitted(89),
                new RecordEmitted(OutOfOrder[1], 120), new WatermarkEmitted(109),
                new RecordEmitted(OutOfOrder[2], 110),
                new WatermarkEmitted(long.MaxValue),
            ],
            harness.Output.Events);
    }

    [Fact]
    public void End_of_input_should_emit_the_max_watermark_once_and_nothing_after_it()
    {
        var harness = Open(false, OutOfOrder);
        harness.RunToEnd(periodicWatermarkAfterEachPoll: true);

        harness.EndInput();
        harness.EmitPeriodicWatermark();

        Assert.Equal([89L, 109, long.MaxValue], harness.Output.Watermarks);
    }

    [Fact]
    public void Monotonous_timestamps_should_trail_the_latest_timestamp_by_one_millisecond()
    {
        var strategy = WatermarkStrategy<Reading>.ForMonotonousTimestamps().WithTimestampAssigner((r, _) => r.Time);
        var harness = SourceOperatorHarness<Reading>.Create(
            new CollectionSource<Reading>([new("a", 5), new("a", 8)]), strategy, emitWatermarkPerEvent: true).Open();

        harness.RunToEnd();

        Assert.Equal([4L, 7, long.MaxValue], harness.Output.Watermarks);
    }

    [Fact]
    public void The_timestamp_assigner_should_receive_the_source_timestamp()
    {
        var strategy = WatermarkStrategy<string>.ForMonotonousTimestamps().WithTimestampAssigner((_, sourceTime) => sourceTime + 5);
        var harness = SourceOperatorHarness<string>.Create(new TimestampedSource<string>(("a", 1000)), strategy, true).Open();

        harness.RunToEnd();

        Assert.Equal([new RecordEmitted("a", 1005), new WatermarkEmitted(1004), new WatermarkEmitted(long.MaxValue)], harness.Output.Events);
    }

    [Fact]
    public void Watermark_generation_without_an_assigner_should_use_the_source_timestamps()
    {
        var strategy = WatermarkStrategy<string>.ForBoundedOutOfOrderness(TimeSpan.FromSeconds(1));
        var harness = SourceOperatorHarness<string>.Create(new TimestampedSource<string>(("a", 5000), ("b", 7000)), strategy).Open();

        harness.RunToEnd(periodicWatermarkAfterEachPoll: true);

        Assert.Equal([3999L, 5999, long.MaxValue], harness.Output.Watermarks);
    }

    [Fact]
    public void NoWatermarks_should_never_emit_a_periodic_watermark_but_still_end_event_time()
    {
        var strategy = WatermarkStrategy<Reading>.NoWatermarks().WithTimestampAssigner((r, _) => r.Time);
        var harness = SourceOperatorHarness<Reading>.Create(new CollectionSource<Reading>(OutOfOrder), strategy, true).Open();

        harness.RunToEnd(periodicWatermarkAfterEachPoll: true);

        Assert.True(strategy.IsNoWatermarks);
        Assert.False(harness.Operator.EmitsWatermarks);
        Assert.Equal([100L, 120, 110], harness.Output.Records.Select(r => r.Timestamp));
        Assert.Equal([long.MaxValue], harness.Output.Watermarks);
    }

    [Fact]
    public void A_negative_out_of_orderness_bound_should_be_rejected_up_front() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WatermarkStrategy<int>.ForBoundedOutOfOrderness(TimeSpan.FromMilliseconds(-1)));

    [Fact]
    public void Each_source_subtask_should_get_its_own_watermark_generator()
    {
        var created = 0;
        var strategy = WatermarkStrategy<Reading>.ForGenerator(() =>
        {
            created++;
            return new BoundedOutOfOrdernessWatermarks<Reading>(TimeSpan.Zero);
        }).WithTimestampAssigner((r, _) => r.Time);
        var first = SourceOperatorHarness<Reading>.Create(new CollectionSource<Reading>([new("a", 50)]), strategy).Open();
        var second = SourceOperatorHarness<Reading>.Create(new CollectionSource<Reading>([new("b", 10)]), strategy).Open();

        first.EmitNext();
        second.EmitNext();
        first.EmitPeriodicWatermark();
        second.EmitPeriodicWatermark();

        Assert.Equal(2, created);
        Assert.Equal([49L], first.Output.Watermarks);
        Assert.Equal([9L], second.Output.Watermarks);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(200, false)]
    public void The_source_transformation_should_emit_per_event_only_when_the_auto_watermark_interval_is_zero(int intervalMillis, bool perEvent)
    {
        var env = StreamExecutionEnvironment.Create();
        var stream = env.FromSource(new CollectionSource<Reading>([new("a", 30)]), TenMillisLate(), "readings");
        var settings = new PlanSettings { AutoWatermarkInterval = TimeSpan.FromMilliseconds(intervalMillis) };
        var harness = SourceOperatorHarness<Reading>.ForStream(stream, settings).Open();

        harness.EmitNext();

        Assert.True(harness.Operator.EmitsWatermarks);
        Assert.Equal(perEvent ? [19L] : [], harness.Output.Watermarks);
    }
}
