using ActorStream.Graph.Operators.Windowing;
using ActorStream.Graph.Windowing;
using static ActorStream.Graph.Tests.Windowing.WindowTestKit;

namespace ActorStream.Graph.Tests.Windowing;

public sealed class SessionWindowTests
{
    private static WindowedStream<(string Key, long Value), string, TimeWindow> Sessions(long gap) =>
        Keyed().Window(EventTimeSessionWindows.WithGap(Ms(gap)));

    [Fact]
    public void A_later_element_within_the_gap_should_extend_the_session_which_fires_once_at_its_new_end()
    {
        var harness = HarnessOf(Sessions(10).Process(new DescribeWindow()));
        harness.Feed(("a", 1, 0), ("a", 2, 5));

        harness.ProcessWatermark(9);
        Assert.Empty(harness.Values);
        harness.ProcessWatermark(14);

        Assert.Equal([At("a:0-15:1,2", 14)], harness.Records);
    }

    [Fact]
    public void A_bridging_element_should_merge_two_sessions_with_their_contents_and_timers()
    {
        var harness = HarnessOf(Sessions(10).Process(new DescribeWindow()));
        var op = Assert.IsAssignableFrom<WindowOperator<string, (string Key, long Value), IEnumerable<(string Key, long Value)>, string, TimeWindow>>(
            harness.Operator);
        harness.Feed(("a", 1, 0), ("a", 2, 18));
        harness.ProcessWatermark(5);

        harness.Feed(("a", 3, 9)); // [9,19) touches [0,10) and [18,28)

        Assert.Equal([27L], op.Timers.EventTimers.Select(t => t.Timestamp).Distinct());
        Assert.All(op.Timers.EventTimers, t => Assert.Equal(new TimeWindow(0, 28), t.Namespace));
        harness.ProcessWatermark(100);
        Assert.Equal([At("a:0-28:1,2,3", 27)], harness.Records);
        Assert.Equal(0, StateEntries(op.KeyedState));
        Assert.Empty(op.Timers.EventTimers);
    }

    [Fact]
    public void Sessions_of_different_keys_should_not_merge()
    {
        var harness = HarnessOf(Sessions(10).Process(new DescribeWindow()));
        harness.Feed(("a", 1, 0), ("b", 2, 5), ("a", 3, 20));

        harness.ProcessWatermark(100);

        Assert.Equal([At("a:0-10:1", 9), At("b:5-15:2", 14), At("a:20-30:3", 29)], harness.Records);
    }

    [Fact]
    public void Dynamic_gaps_should_size_each_session_by_its_elements()
    {
        var harness = HarnessOf(Keyed()
            .Window(EventTimeSessionWindows.WithDynamicGap<(string Key, long Value)>(e => Ms(e.Value)))
            .Process(new DescribeWindow()));
        harness.Feed(("a", 5, 0), ("a", 1, 4), ("a", 20, 10), ("a", 3, 6));

        harness.ProcessWatermark(100);

        // [0,5) absorbs [4,5); [6,9) and [10,30) stay apart.
        Assert.Equal([At("a:0-5:5,1", 4), At("a:6-9:3", 8), At("a:10-30:20", 29)], harness.Records);
    }

    [Fact]
    public void Merging_should_merge_incremental_aggregates()
    {
        var harness = HarnessOf(Sessions(10).Aggregate(new Average()));
        harness.Feed(("a", 1, 0), ("a", 3, 20), ("a", 8, 10));

        harness.ProcessWatermark(100);

        Assert.Equal([At(4.0, 29)], harness.Records);
    }

    [Fact]
    public void Merging_should_merge_the_trigger_state_of_the_merged_sessions()
    {
        var harness = HarnessOf(Sessions(10).Trigger(CountTrigger.Of(3)).Process(new DescribeWindow()));
        var op = Assert.IsAssignableFrom<WindowOperator<string, (string Key, long Value), IEnumerable<(string Key, long Value)>, string, TimeWindow>>(
            harness.Operator);
        harness.Feed(("a", 1, 0), ("a", 2, 20));
        Assert.Empty(harness.Values);

        harness.Feed(("a", 3, 10)); // merges [0,10), [10,20) and [20,30): counts 1 + 1, then this element
        Assert.Equal([At("a:0-30:1,2,3", 29)], harness.Records);

        harness.Feed(("a", 4, 5)); // inside the session: count 1 after the firing reset it
        harness.ProcessWatermark(100); // a count trigger never fires on time; the cleanup drops the session
        Assert.Single(harness.Records);
        Assert.Equal(0, StateEntries(op.KeyedState));
    }

    [Fact]
    public void A_late_session_should_be_retired_and_its_element_sent_to_the_late_side_output()
    {
        var late = new OutputTag<(string Key, long Value)>("late");
        var harness = HarnessOf(Sessions(10).SideOutputLateData(late).Process(new DescribeWindow()));
        var op = Assert.IsAssignableFrom<WindowOperator<string, (string Key, long Value), IEnumerable<(string Key, long Value)>, string, TimeWindow>>(
            harness.Operator);
        harness.Feed(("a", 1, 0));
        harness.ProcessWatermark(20);

        harness.Feed(("a", 2, 3));

        Assert.Equal([At("a:0-10:1", 9)], harness.Records);
        Assert.Equal([At(("a", 2L), 3)], harness.Output.SideOutput(late));
        Assert.Equal(0, StateEntries(op.KeyedState)); // neither contents nor the merging-window set keep the late session
    }

    [Fact]
    public void An_element_whose_session_equals_an_in_flight_merged_session_should_join_it()
    {
        var harness = HarnessOf(Keyed()
            .Window(EventTimeSessionWindows.WithDynamicGap<(string Key, long Value)>(e => Ms(e.Value)))
            .Process(new DescribeWindow()));
        harness.Feed(("a", 10, 5), ("a", 10, 0)); // [5,15) and [0,10) merge into [0,15), contents kept in [5,15)

        harness.Feed(("a", 15, 0)); // exactly [0,15)
        harness.ProcessWatermark(100);

        Assert.Equal([At("a:0-15:10,10,15", 14)], harness.Records);
    }

    [Fact]
    public void A_merging_assigner_should_refuse_a_trigger_that_cannot_merge()
    {
        var error = Assert.Throws<NotSupportedException>(() => Sessions(10).Trigger(new NonMergingTrigger()));

        Assert.Contains("does not support merging", error.Message);
    }

    [Fact]
    public void Per_window_state_should_not_be_available_with_merging_windows()
    {
        var harness = HarnessOf(Sessions(10).Process(new UsesWindowState()));
        harness.Feed(("a", 1, 0));

        var error = Assert.Throws<NotSupportedException>(() => harness.ProcessWatermark(100));

        Assert.Contains("Per-window state is not allowed when using merging windows", error.Message);
    }

    private sealed class NonMergingTrigger : Trigger<(string Key, long Value), TimeWindow>
    {
        public override TriggerResult OnElement((string Key, long Value) element, long timestamp, TimeWindow window, ITriggerContext context) =>
            TriggerResult.Fire;

        public override TriggerResult OnProcessingTime(long time, TimeWindow window, ITriggerContext context) => TriggerResult.Continue;

        public override TriggerResult OnEventTime(long time, TimeWindow window, ITriggerContext context) => TriggerResult.Continue;

        public override void Clear(TimeWindow window, ITriggerContext context)
        {
        }
    }

    private sealed class UsesWindowState : ProcessWindowFunction<(string Key, long Value), string, string, TimeWindow>
    {
        public override void Process(string key, Context context, IEnumerable<(string Key, long Value)> elements, ICollector<string> output) =>
            context.WindowState.GetState(new ValueStateDescriptor<int>("n")).Update(1);
    }
}
