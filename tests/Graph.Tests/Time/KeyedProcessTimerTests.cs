using ActorStream.Graph.Operators;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.Time;

public sealed class KeyedProcessTimerTests
{
    [Fact]
    public void Event_time_timers_should_fire_in_time_order_before_the_watermark_is_forwarded()
    {
        var harness = Harness(new TimerAt(offset: 10));
        harness.ProcessElement(("a", 100), 100);
        harness.ProcessElement(("b", 50), 50);
        harness.ProcessElement(("a", 70), 70);

        harness.ProcessWatermark(85);

        Assert.Equal(["b@60", "a@80"], harness.Values);
        Assert.Equal(
            [new RecordEmitted("b@60", 60), new RecordEmitted("a@80", 80), new WatermarkEmitted(85)],
            harness.Output.Events);
        harness.ProcessWatermark(200);
        Assert.Equal(["b@60", "a@80", "a@110"], harness.Values);
    }

    [Fact]
    public void A_key_should_have_at_most_one_timer_per_timestamp()
    {
        var harness = Harness(new TimerAt(offset: 0));
        harness.ProcessElement(("a", 5), 5);
        harness.ProcessElement(("a", 5), 5);
        harness.ProcessElement(("b", 5), 5);

        harness.ProcessWatermark(5);

        Assert.Equal(["a@5", "b@5"], harness.Values.Order());
    }

    [Fact]
    public void A_deleted_timer_should_not_fire()
    {
        var harness = Harness(new DeletingTimer());
        harness.ProcessElement(("a", 10), 10);
        harness.ProcessElement(("a", -1), 11); // deletes a's timer at 20
        harness.ProcessElement(("b", 10), 12);

        harness.ProcessWatermark(100);

        Assert.Equal(["b@20"], harness.Values);
    }

    [Fact]
    public void Timers_should_see_the_state_of_their_key()
    {
        var harness = Harness(new SumUntilTimer());
        harness.ProcessElement(("a", 1), 1);
        harness.ProcessElement(("b", 10), 2);
        harness.ProcessElement(("a", 2), 3);

        harness.ProcessWatermark(Watermarks.Max);

        Assert.Equal(["a=3", "b=10"], harness.Values.Order());
    }

    [Fact]
    public void Processing_time_timers_should_fire_when_the_injected_clock_passes_them()
    {
        var clock = new ManualProcessingTimeService(start: 1_000);
        var harness = Harness(new ProcessingTimer(delay: 500), clock);
        harness.ProcessElement(("a", 0));
        clock.AdvanceTo(1_200);
        harness.ProcessElement(("b", 0));

        clock.AdvanceTo(1_499);
        Assert.Empty(harness.Values);
        clock.AdvanceTo(1_500);
        Assert.Equal(["a@1500 ProcessingTime"], harness.Values);
        Assert.Equal(StreamRecord<string>.NoTimestamp, harness.Records[0].Timestamp);
        clock.AdvanceTo(5_000);
        Assert.Equal(["a@1500 ProcessingTime", "b@1700 ProcessingTime"], harness.Values);
    }

    [Fact]
    public void The_timer_service_should_report_the_current_watermark()
    {
        var harness = Harness(new ReportWatermark());
        harness.ProcessElement(("a", 0), 0);
        harness.ProcessWatermark(42);
        harness.ProcessElement(("a", 0), 50);

        Assert.Equal([$"{long.MinValue}", "42"], harness.Values);
    }

    [Fact]
    public void Setting_a_timer_on_a_non_keyed_stream_should_fail_clearly()
    {
        var harness = OperatorHarness.For(new ProcessOperator<int, int>(new NonKeyedTimer())).Open();

        var error = Assert.Throws<InvalidOperationException>(() => harness.ProcessElement(1, 1));

        Assert.Contains("only supported on keyed streams", error.Message);
    }

    private static OperatorHarness<(string Key, long Value), string> Harness(
        KeyedProcessFunction<string, (string Key, long Value), string> function, IProcessingTimeService? clock = null) =>
        OperatorHarness.For(new KeyedProcessOperator<string, (string Key, long Value), string>(function, e => e.Key),
            OperatorContext.ForTest(processingTime: clock)).Open();

    private sealed class TimerAt(long offset) : KeyedProcessFunction<string, (string Key, long Value), string>
    {
        public override void ProcessElement((string Key, long Value) value, Context context, ICollector<string> output) =>
            context.TimerService.RegisterEventTimeTimer(value.Value + offset);

        public override void OnTimer(long timestamp, OnTimerContext context, ICollector<string> output) =>
            output.Collect($"{context.CurrentKey}@{timestamp}");
    }

    private sealed class DeletingTimer : KeyedProcessFunction<string, (string Key, long Value), string>
    {
        public override void ProcessElement((string Key, long Value) value, Context context, ICollector<string> output)
        {
            if (value.Value < 0)
                context.TimerService.DeleteEventTimeTimer(20);
            else
                context.TimerService.RegisterEventTimeTimer(20);
        }

        public override void OnTimer(long timestamp, OnTimerContext context, ICollector<string> output) =>
            output.Collect($"{context.CurrentKey}@{timestamp}");
    }

    private sealed class SumUntilTimer : KeyedProcessFunction<string, (string Key, long Value), string>
    {
        private IValueState<long> _sum = null!;

        public override void Open() => _sum = RuntimeContext.GetState(new ValueStateDescriptor<long>("sum"));

        public override void ProcessElement((string Key, long Value) value, Context context, ICollector<string> output)
        {
            _sum.Update(_sum.Value() + value.Value);
            context.TimerService.RegisterEventTimeTimer(1_000);
        }

        public override void OnTimer(long timestamp, OnTimerContext context, ICollector<string> output) =>
            output.Collect($"{context.CurrentKey}={_sum.Value()}");
    }

    private sealed class ProcessingTimer(long delay) : KeyedProcessFunction<string, (string Key, long Value), string>
    {
        public override void ProcessElement((string Key, long Value) value, Context context, ICollector<string> output) =>
            context.TimerService.RegisterProcessingTimeTimer(context.TimerService.CurrentProcessingTime() + delay);

        public override void OnTimer(long timestamp, OnTimerContext context, ICollector<string> output) =>
            output.Collect($"{context.CurrentKey}@{timestamp} {context.TimeDomain}");
    }

    private sealed class ReportWatermark : KeyedProcessFunction<string, (string Key, long Value), string>
    {
        public override void ProcessElement((string Key, long Value) value, Context context, ICollector<string> output) =>
            output.Collect($"{context.TimerService.CurrentWatermark()}");
    }

    private sealed class NonKeyedTimer : ProcessFunction<int, int>
    {
        public override void ProcessElement(int value, Context context, ICollector<int> output) =>
            context.TimerService.RegisterEventTimeTimer(10);
    }
}
