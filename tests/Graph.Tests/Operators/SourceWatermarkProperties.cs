using ActorStream.Graph.Sources;
using ActorStream.Graph.Tests.Harness;
using FsCheck.Xunit;

namespace ActorStream.Graph.Tests.Operators;

/// <summary>Watermark properties of the source operator over generated timestamp sequences.</summary>
public sealed class SourceWatermarkProperties
{
    /// <summary>
    /// The model: after each record, a watermark of (max timestamp so far - bound - 1) follows exactly when it
    /// advances event time; the end of input adds long.MaxValue. So watermarks are strictly increasing.
    /// </summary>
    [Property(MaxTest = 300)]
    public void Per_event_watermarks_should_follow_the_bounded_out_of_orderness_model(int[] times, byte boundMillis)
    {
        var strategy = WatermarkStrategy<int>.ForBoundedOutOfOrderness(TimeSpan.FromMilliseconds(boundMillis))
            .WithTimestampAssigner((t, _) => t);
        var harness = SourceOperatorHarness<int>.Create(new CollectionSource<int>(times), strategy, emitWatermarkPerEvent: true).Open();

        harness.RunToEnd(periodicWatermarkAfterEachPoll: true);

        var expected = new List<OutputEvent>();
        long max = long.MinValue, current = long.MinValue;
        foreach (var time in times)
        {
            expected.Add(new RecordEmitted(time, time));
            max = Math.Max(max, time);
            if (max - boundMillis - 1 > current)
                expected.Add(new WatermarkEmitted(current = max - boundMillis - 1));
        }
        expected.Add(new WatermarkEmitted(long.MaxValue));
        Assert.Equal(expected, harness.Output.Events);
    }

    [Property(MaxTest = 300)]
    public void Watermarks_should_be_strictly_increasing_whatever_the_emission_schedule(int[] times, bool[] periodicAfter)
    {
        var strategy = WatermarkStrategy<int>.ForMonotonousTimestamps().WithTimestampAssigner((t, _) => t);
        var harness = SourceOperatorHarness<int>.Create(new CollectionSource<int>(times), strategy).Open();

        for (var i = 0; i < times.Length; i++)
        {
            harness.EmitNext();
            if (i < periodicAfter.Length && periodicAfter[i])
                harness.EmitPeriodicWatermark();
        }
        harness.RunToEnd(periodicWatermarkAfterEachPoll: true);

        var watermarks = harness.Output.Watermarks;
        Assert.All(watermarks.Zip(watermarks.Skip(1)), pair => Assert.True(pair.First < pair.Second, $"{pair.First} then {pair.Second}"));
        Assert.Equal(long.MaxValue, watermarks[^1]);
        if (times.Length > 0)
            Assert.Equal(times.Max() - 1L, watermarks[^2]);
    }
}
