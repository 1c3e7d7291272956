using ActorStream.Graph.Keys;
using ActorStream.Graph.Operators;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.State;

/// <summary>Key groups move whole between subtasks: 2 -> 3 -> 1 subtasks keeps every key's state and timers.</summary>
public sealed class RescaleTests
{
    private static readonly string[] Keys = [.. Enumerable.Range(0, 300).Select(i => $"user-{i}")];

    /// <summary>Per key: a count, the values seen, values by parity; one event-time timer at 1000 reports them all.</summary>
    private sealed class Tally : KeyedProcessFunction<string, (string Key, int Value), string>
    {
        private IValueState<int> _count = null!;
        private IListState<int> _values = null!;
        private IMapState<bool, int> _byParity = null!;

        public override void Open()
        {
            _count = RuntimeContext.GetState(new ValueStateDescriptor<int>("count"));
            _values = RuntimeContext.GetListState(new ListStateDescriptor<int>("values"));
            _byParity = RuntimeContext.GetMapState(new MapStateDescriptor<bool, int>("by-parity"));
        }

        public override void ProcessElement((string Key, int Value) value, Context context, ICollector<string> output)
        {
            _count.Update(_count.Value() + 1);
            _values.Add(value.Value);
            _byParity.Put(value.Value % 2 == 0, _byParity.Get(value.Value % 2 == 0) + value.Value);
            context.TimerService.RegisterEventTimeTimer(1_000);
        }

        public override void OnTimer(long timestamp, OnTimerContext context, ICollector<string> output) =>
            output.Collect($"{context.CurrentKey}:{_count.Value()}:[{string.Join(",", _values.Get())}]:{_byParity.Get(true)}/{_byParity.Get(false)}");
    }

    private static List<OperatorHarness<(string Key, int Value), string>> Subtasks(int parallelism, params OperatorSnapshot[] restoreFrom) =>
    [
        .. Enumerable.Range(0, parallelism).Select(i =>
            OperatorHarness.For(new KeyedProcessOperator<string, (string Key, int Value), string>(new Tally(), e => e.Key),
                OperatorHarness.Subtask(i, parallelism)).InitializeState(restoreFrom).Open()),
    ];

    private static void Feed(List<OperatorHarness<(string Key, int Value), string>> subtasks, int value)
    {
        foreach (var key in Keys)
            subtasks[KeyGroupRangeAssignment.AssignKeyToParallelOperator(key, 128, subtasks.Count)].ProcessElement((key, value), value);
    }

    [Fact]
    public void Rescaling_from_2_to_3_to_1_subtasks_should_keep_every_keys_state_and_timer()
    {
        var two = Subtasks(2);
        Feed(two, 1);
        Feed(two, 2);
        var three = Subtasks(3, [.. two.Select(h => h.Snapshot(1))]);
        Feed(three, 3);
        var one = Subtasks(1, [.. three.Select(h => h.Snapshot(2))]);
        Feed(one, 4);

        one[0].ProcessWatermark(1_000);

        Assert.Equal(Keys.Select(k => $"{k}:4:[1,2,3,4]:6/4").Order(), one[0].Values.Order());
        Assert.All(two.Concat(three), h => Assert.Empty(h.Values));
    }

    [Fact]
    public void Each_new_subtask_should_restore_exactly_the_keys_of_its_key_groups()
    {
        var two = Subtasks(2);
        Feed(two, 1);
        var three = Subtasks(3, [.. two.Select(h => h.Snapshot(1))]);

        foreach (var (subtask, i) in three.Select((h, i) => (h, i)))
        {
            subtask.ProcessWatermark(1_000);
            Assert.Equal(
                Keys.Where(k => KeyGroupRangeAssignment.AssignKeyToParallelOperator(k, 128, 3) == i).Select(k => $"{k}:1:[1]:0/1").Order(),
                subtask.Values.Order());
        }
    }
}
