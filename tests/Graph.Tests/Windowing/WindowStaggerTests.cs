using ActorStream.Graph.Keys;
using ActorStream.Graph.Operators;
using ActorStream.Graph.Tests.Harness;
using ActorStream.Graph.Windowing;
using static ActorStream.Graph.Tests.Windowing.WindowTestKit;

namespace ActorStream.Graph.Tests.Windowing;

/// <summary>Tumbling processing-time windows of 10 s with Flink's window staggers, per subtask of 2.</summary>
public sealed class WindowStaggerTests
{
    private const long Size = 10_000;

    private static OperatorHarness<(string Key, long Value), string> Subtask(WindowStagger stagger, int index, long now)
    {
        var stream = Keyed().Window(TumblingProcessingTimeWindows.Of(Ms(Size), TimeSpan.Zero, stagger)).Process(new DescribeWindow());
        var context = OperatorContext.ForTest(subtaskIndex: index, parallelism: 2, processingTime: new ManualProcessingTimeService(now));
        return OperatorHarness.ForStream<(string Key, long Value), string>(stream, context);
    }

    /// <summary>A key that subtask <paramref name="index"/> of 2 owns.</summary>
    private static string KeyOf(int index) =>
        Enumerable.Range(0, 100).Select(i => $"k{i}")
            .First(k => KeyGroupRangeAssignment.AssignKeyToParallelOperator(k, KeyGroupRangeAssignment.DefaultMaxParallelism, 2) == index);

    [Fact]
    public void Aligned_stagger_should_start_every_subtasks_windows_at_the_epoch_grid()
    {
        var harness = Subtask(WindowStagger.Aligned, 1, now: 23_456).Open();
        harness.ProcessElement((KeyOf(1), 1));

        harness.Clock.AdvanceTo(30_000);

        Assert.Equal([At($"{KeyOf(1)}:20000-30000:1", 29_999)], harness.Records);
        Assert.Null(harness.Snapshot(1).OperatorState);
    }

    [Fact]
    public void Random_stagger_should_shift_each_subtask_by_an_offset_derived_from_its_index()
    {
        Assert.Equal(8833, WindowStaggerOffsets.Of(WindowStagger.Random, 0, Size, subtaskIndex: 0));
        Assert.Equal(5665, WindowStaggerOffsets.Of(WindowStagger.Random, 0, Size, subtaskIndex: 1));
        var first = Subtask(WindowStagger.Random, 0, now: 20_000).Open();
        var second = Subtask(WindowStagger.Random, 1, now: 20_000).Open();
        first.ProcessElement((KeyOf(0), 1));
        second.ProcessElement((KeyOf(1), 2));

        first.Clock.AdvanceTo(30_000);
        second.Clock.AdvanceTo(30_000);

        Assert.Equal([At($"{KeyOf(0)}:18833-28833:1", 28_832)], first.Records);
        Assert.Equal([At($"{KeyOf(1)}:15665-25665:2", 25_664)], second.Records);
    }

    [Fact]
    public void Natural_stagger_should_start_windows_at_the_first_elements_processing_time_modulo_size()
    {
        var harness = Subtask(WindowStagger.Natural, 0, now: 12_345).Open();
        harness.ProcessElement((KeyOf(0), 1));
        harness.Clock.AdvanceTo(22_400);
        harness.ProcessElement((KeyOf(0), 2));

        harness.Clock.AdvanceTo(40_000);

        Assert.Equal([At($"{KeyOf(0)}:12345-22345:1", 22_344), At($"{KeyOf(0)}:22345-32345:2", 32_344)], harness.Records);
    }

    [Fact]
    public void A_restored_subtask_should_keep_the_natural_stagger_its_first_element_fixed()
    {
        var before = Subtask(WindowStagger.Natural, 1, now: 12_345).Open();
        before.ProcessElement((KeyOf(1), 1));
        var snapshot = before.Snapshot(1);

        // A fresh subtask would stagger by 5000 here; the restored one keeps 2345 and adds to the restored window.
        var restored = Subtask(WindowStagger.Natural, 1, now: 15_000).InitializeState(snapshot).Open();
        restored.ProcessElement((KeyOf(1), 2));
        restored.Clock.AdvanceTo(30_000);

        Assert.Equal([At($"{KeyOf(1)}:12345-22345:1,2", 22_344)], restored.Records);
    }

    [Fact]
    public void An_unknown_stagger_should_be_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TumblingProcessingTimeWindows.Of(Ms(Size), TimeSpan.Zero, (WindowStagger)7));
        Assert.Contains("Unknown window stagger", error.Message);
    }

    [Fact]
    public void Natural_stagger_windows_should_give_the_same_output_with_a_failure_anywhere()
    {
        Action<OperatorHarness<(string Key, long Value), string>> E(string key, long value) => h => h.ProcessElement((key, value));
        Action<OperatorHarness<(string Key, long Value), string>> Clock(long now) => h => h.Clock.AdvanceTo(now);
        FailureScenario.AssertSameOutputWithFailureAnywhere(
            () => OperatorHarness.CreateOperator<(string Key, long Value), string>(Keyed()
                .Window(TumblingProcessingTimeWindows.Of(Ms(100), TimeSpan.Zero, WindowStagger.Natural)).Process(new DescribeWindow()).Transformation),
            [Clock(37), E("a", 1), Clock(64), E("b", 2), Clock(140), E("a", 3), Clock(150), E("a", 4), Clock(400)]);
    }

    [Fact]
    public void Event_time_windows_should_take_a_random_stagger_per_subtask_too()
    {
        var stream = Keyed().Window(TumblingEventTimeWindows.Of(Ms(Size), TimeSpan.Zero, WindowStagger.Random)).Process(new DescribeWindow());
        var context = OperatorContext.ForTest(subtaskIndex: 1, parallelism: 2, processingTime: new ManualProcessingTimeService(0));
        var harness = OperatorHarness.ForStream<(string Key, long Value), string>(stream, context).Open();
        harness.ProcessElement((KeyOf(1), 1), 20_000);
        harness.ProcessElement((KeyOf(1), 2), 25_700);

        harness.ProcessWatermark(40_000);

        // Subtask 1's random stagger is 5665 ms: windows [15665, 25665) and [25665, 35665).
        Assert.Equal([At($"{KeyOf(1)}:15665-25665:1", 25_664), At($"{KeyOf(1)}:25665-35665:2", 35_664)], harness.Records);
    }
}
