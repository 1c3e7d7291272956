using ActorStream.Graph.Operators;

namespace ActorStream.Graph.Tests.Operators;

/// <summary>Event-time TTL: state written for an element at time t expires when the watermark reaches t + ttl, also after a restore.</summary>
public sealed class EventTimeTtlTests
{
    /// <summary>Per user: the last page seen, forgotten 1000 ms of event time after it was seen.</summary>
    private sealed class LastPage : KeyedProcessFunction<string, (string User, string Page), string>
    {
        private IValueState<string> _last = null!;

        public override void Open() => _last = RuntimeContext.GetState(new ValueStateDescriptor<string>("last-page")
        {
            TtlConfig = StateTtlConfig.NewBuilder(TimeSpan.FromSeconds(1)).UseEventTime().Build(),
        });

        public override void ProcessElement((string User, string Page) value, Context context, ICollector<string> output)
        {
            output.Collect($"{value.User}@{context.Timestamp}: {value.Page} after {(_last.TryGetValue(out var last) ? last : "nothing")}");
            _last.Update(value.Page);
        }
    }

    private static OperatorHarness<(string User, string Page), string> Open(params OperatorSnapshot[] restoreFrom) =>
        OperatorHarness.For(new KeyedProcessOperator<string, (string User, string Page), string>(new LastPage(), e => e.User))
            .InitializeState(restoreFrom).Open();

    [Fact]
    public void Event_time_ttl_should_expire_state_by_the_watermark_not_by_the_wall_clock()
    {
        var harness = Open();
        harness.ProcessElement(("ann", "home"), 1_000);
        harness.ProcessWatermark(1_999);
        harness.ProcessElement(("ann", "cart"), 2_100); // watermark 1999 < 1000 + 1000: "home" is alive
        harness.ProcessWatermark(3_100); // "cart" written at 2100 expired at 3100
        harness.ProcessElement(("ann", "buy"), 3_200);

        Assert.Equal(["ann@1000: home after nothing", "ann@2100: cart after home", "ann@3200: buy after nothing"], harness.Values);
    }

    [Fact]
    public void Event_time_ttl_should_hold_after_a_snapshot_and_restore()
    {
        var first = Open();
        first.ProcessElement(("bob", "home"), 1_000);
        first.ProcessElement(("cy", "home"), 1_800);
        first.ProcessWatermark(1_500);
        var snapshot = first.Snapshot(1);

        var restored = Open(snapshot);
        restored.ProcessWatermark(2_000); // bob's (1000) expires, cy's (1800) lives until 2800
        restored.ProcessElement(("bob", "faq"), 2_100);
        restored.ProcessElement(("cy", "faq"), 2_100);

        Assert.Equal(["bob@2100: faq after nothing", "cy@2100: faq after home"], restored.Values);
    }
}
