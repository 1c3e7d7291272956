using ActorStream.Graph.Tests.Harness;
using ActorStream.Graph.Windowing;
using static ActorStream.Graph.Tests.Windowing.WindowTestKit;

namespace ActorStream.Graph.Tests.Windowing;

/// <summary>
/// A window operator snapshotted mid-window and restored gives exactly the output of an uninterrupted run: pane
/// contents, trigger state, window and global function state, merging-window sets and timers are all keyed state.
/// </summary>
public sealed class WindowRestoreTests
{
    private static readonly OutputTag<(string Key, long Value)> Late = new("late");

    private static Action<OperatorHarness<(string Key, long Value), TOut>> E<TOut>(string key, long value, long timestamp) =>
        h => h.ProcessElement((key, value), timestamp);

    private static Action<OperatorHarness<(string Key, long Value), TOut>> W<TOut>(long watermark) => h => h.ProcessWatermark(watermark);

    private static Action<OperatorHarness<(string Key, long Value), TOut>> Clock<TOut>(long now) => h => h.Clock.AdvanceTo(now);

    private static void AssertSameOutput<TOut>(DataStream<TOut> stream, params Action<OperatorHarness<(string Key, long Value), TOut>>[] steps) =>
        FailureScenario.AssertSameOutputWithFailureAnywhere(
            () => OperatorHarness.CreateOperator<(string Key, long Value), TOut>(stream.Transformation), steps);

    /// <summary>Describes each firing with how often this window and this key fired before (per-window and global state).</summary>
    private sealed class CountFirings : ProcessWindowFunction<(string Key, long Value), string, string, TimeWindow>
    {
        private static readonly ValueStateDescriptor<int> Firings = new("firings");

        public override void Process(string key, Context context, IEnumerable<(string Key, long Value)> elements, ICollector<string> output)
        {
            var window = context.WindowState.GetState(Firings);
            var global = context.GlobalState.GetState(Firings);
            window.Update(window.Value() + 1);
            global.Update(global.Value() + 1);
            output.Collect($"{key}:{context.Window.Start}:{string.Join(",", elements.Select(e => e.Value))}:w{window.Value()}:g{global.Value()}");
        }

        public override void Clear(Context context) => context.WindowState.GetState(Firings).Clear();
    }

    [Fact]
    public void Tumbling_reduce_windows_should_resume_mid_window()
    {
        AssertSameOutput(Keyed().Window(TumblingEventTimeWindows.Of(Ms(10))).Reduce(Sum),
            E<(string, long)>("a", 1, 0), E<(string, long)>("b", 2, 3), E<(string, long)>("a", 3, 9), W<(string, long)>(5),
            E<(string, long)>("a", 4, 12), W<(string, long)>(9), E<(string, long)>("b", 5, 15), E<(string, long)>("b", 6, 19),
            W<(string, long)>(30));
    }

    [Fact]
    public void Sliding_process_windows_with_lateness_window_and_global_state_should_resume_mid_window()
    {
        AssertSameOutput(Keyed().Window(SlidingEventTimeWindows.Of(Ms(10), Ms(5))).AllowedLateness(Ms(10)).SideOutputLateData(Late)
                .Process(new CountFirings()),
            E<string>("a", 1, 1), E<string>("a", 2, 6), E<string>("b", 3, 7), W<string>(9), E<string>("a", 4, 3),
            E<string>("a", 5, 11), W<string>(16), E<string>("a", 6, 8), E<string>("b", 7, 2), W<string>(30), E<string>("a", 8, 4),
            W<string>(60));
    }

    [Fact]
    public void Session_windows_should_resume_with_their_merged_windows()
    {
        AssertSameOutput(Keyed().Window(EventTimeSessionWindows.WithGap(Ms(10))).Aggregate(new Average()),
            E<double>("a", 1, 0), E<double>("a", 2, 18), E<double>("b", 5, 4), W<double>(5), E<double>("a", 3, 9),
            E<double>("b", 7, 30), W<double>(20), E<double>("a", 4, 27), E<double>("b", 1, 22), W<double>(100));
    }

    [Fact]
    public void Session_process_windows_should_resume_with_their_buffered_elements()
    {
        AssertSameOutput(Keyed().Window(EventTimeSessionWindows.WithGap(Ms(5))).Process(new DescribeWindow()),
            E<string>("a", 1, 0), E<string>("a", 2, 3), E<string>("a", 3, 20), W<string>(4), E<string>("a", 4, 10),
            E<string>("a", 5, 15), W<string>(30), E<string>("a", 6, 40), W<string>(50));
    }

    [Fact]
    public void Evicting_count_windows_should_resume_with_their_trigger_counts_and_buffers()
    {
        AssertSameOutput(Keyed().Window(GlobalWindows.Create()).Trigger(CountTrigger.Of(3)).Evictor(CountEvictor.Of(2))
                .Process(new JoinValues<GlobalWindow>()),
            E<string>("a", 1, 1), E<string>("a", 2, 2), E<string>("b", 10, 3), E<string>("a", 3, 4), E<string>("a", 4, 5),
            E<string>("b", 20, 6), E<string>("a", 5, 7), E<string>("b", 30, 8), E<string>("a", 6, 9));
    }

    [Fact]
    public void Continuous_triggers_should_resume_with_their_trigger_state_and_timers()
    {
        AssertSameOutput(Keyed().Window(TumblingEventTimeWindows.Of(Ms(100))).Trigger(ContinuousEventTimeTrigger.Of(Ms(10))).Reduce(Sum),
            E<(string, long)>("a", 1, 1), E<(string, long)>("a", 2, 12), W<(string, long)>(15), E<(string, long)>("b", 3, 16),
            W<(string, long)>(35), E<(string, long)>("a", 4, 40), W<(string, long)>(200));
    }

    [Fact]
    public void Processing_time_windows_should_resume_with_their_timers()
    {
        AssertSameOutput(Keyed().Window(TumblingProcessingTimeWindows.Of(Ms(10))).Process(new JoinValues<TimeWindow>()),
            E<string>("a", 1, 0), Clock<string>(3), E<string>("a", 2, 0), E<string>("b", 3, 0), Clock<string>(12),
            E<string>("a", 4, 0), Clock<string>(19), E<string>("a", 5, 0), Clock<string>(40));
    }
}
