using ActorStream.Graph.Operators;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.TwoInput;

public sealed class IntervalJoinOperatorTests
{
    private static readonly OutputTag<(int Key, long Ts)> LeftLate = new("left-late");

    [Theory]
    [InlineData(-5, 10, false, false, 1)]
    [InlineData(0, 0, false, false, 2)]
    [InlineData(-20, -3, false, true, 3)]
    [InlineData(2, 30, true, true, 4)]
    [InlineData(-7, 7, true, false, 5)]
    public void Output_should_be_every_pair_of_non_late_elements_within_the_bounds(
        long lower, long upper, bool lowerExclusive, bool upperExclusive, int seed)
    {
        var random = new Random(seed);
        var bounds = new IntervalJoinBounds(lowerExclusive ? lower + 1 : lower, upperExclusive ? upper - 1 : upper, null, null);
        var (op, output, _) = Open(bounds);
        var left = new List<(int Key, long Ts)>();
        var right = new List<(int Key, long Ts)>();
        var watermark = long.MinValue;
        long clock = 0;
        for (var i = 0; i < 3_000; i++)
        {
            clock += random.Next(0, 3);
            var element = (Key: random.Next(5), Ts: clock - random.Next(0, 25)); // out of order, some late
            // A watermark W promises no more elements at ts <= W. Flink's interval join counts ts == W as
            // on time yet may already have cleaned up its partner, so such input is left out here.
            if (element.Ts == watermark)
                continue;
            var late = watermark != long.MinValue && element.Ts < watermark;
            if (random.Next(2) == 0)
            {
                op.ProcessElement1(new StreamRecord<(int, long)>(element, element.Ts));
                if (!late)
                    left.Add(element);
            }
            else
            {
                op.ProcessElement2(new StreamRecord<(int, long)>(element, element.Ts));
                if (!late)
                    right.Add(element);
            }
            if (i % 10 == 9)
            {
                watermark = Math.Max(watermark, clock - 15);
                op.ProcessWatermark1(watermark);
                op.ProcessWatermark2(watermark);
            }
        }

        var expected = from l in left
                       from r in right
                       where l.Key == r.Key && r.Ts >= l.Ts + bounds.Lower && r.Ts <= l.Ts + bounds.Upper
                       select $"{l.Key}:{l.Ts}-{r.Ts}@{Math.Max(l.Ts, r.Ts)}";
        var actual = output.Records.Select(rec => $"{rec.Value}@{rec.Timestamp}");
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Late_elements_should_go_to_the_side_output_and_buffers_should_be_cleaned_up()
    {
        var (op, output, context) = Open(new IntervalJoinBounds(-2, 3, LeftLate, null));
        op.ProcessElement1(new StreamRecord<(int, long)>((1, 10), 10));
        op.ProcessElement2(new StreamRecord<(int, long)>((1, 12), 12));
        op.ProcessWatermark1(20);
        op.ProcessWatermark2(20);
        op.ProcessElement1(new StreamRecord<(int, long)>((1, 15), 15)); // late
        op.ProcessElement2(new StreamRecord<(int, long)>((1, 16), 16)); // late, no tag: dropped

        Assert.Equal(["1:10-12"], output.Values);
        Assert.Equal([new StreamRecord<(int, long)>((1, 15), 15)], output.SideOutput(LeftLate));
        Assert.Equal(1, context.Counters.Snapshot()[IntervalJoinOperator<int, (int, long), (int, long), string>.LateDroppedCounter]);
        Assert.All(op.Backend.Tables, table => Assert.Equal(0, table.Count));
    }

    [Fact]
    public void Elements_without_timestamps_should_fail_clearly()
    {
        var (op, _, _) = Open(new IntervalJoinBounds(0, 1, null, null));

        var error = Assert.Throws<InvalidOperationException>(() => op.ProcessElement1(new StreamRecord<(int, long)>((1, 1), StreamRecord<int>.NoTimestamp)));

        Assert.Contains("need event timestamps", error.Message);
    }

    private static (IntervalJoinOperator<int, (int Key, long Ts), (int Key, long Ts), string> Op, CollectingOutput<string> Output,
        OperatorContext Context) Open(IntervalJoinBounds bounds)
    {
        var op = new IntervalJoinOperator<int, (int Key, long Ts), (int Key, long Ts), string>(new Describe(), bounds, l => l.Key, r => r.Key);
        var output = new CollectingOutput<string>();
        var context = OperatorContext.ForTest();
        op.Setup(context, output);
        op.Open();
        return (op, output, context);
    }

    private sealed class Describe : ProcessJoinFunction<(int Key, long Ts), (int Key, long Ts), string>
    {
        public override void ProcessElement((int Key, long Ts) left, (int Key, long Ts) right, Context context, ICollector<string> output)
        {
            Assert.Equal(Math.Max(left.Ts, right.Ts), context.Timestamp);
            output.Collect($"{left.Key}:{left.Ts}-{right.Ts}");
        }
    }
}
