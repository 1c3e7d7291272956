using ActorStream.Graph.Operators;

namespace ActorStream.Graph.Tests.Operators;

/// <summary>ICheckpointedFunction: operator list state (even split) and union list state, snapshot and restore at 2 -> 3 -> 1 subtasks.</summary>
public sealed class CheckpointedFunctionTests
{
    /// <summary>Holds back every element until end of input; keeps the held elements in split list state and its subtask's tag in union state.</summary>
    private sealed class HoldBack(List<HoldBack> opened) : RichFlatMapFunction<string, string>, ICheckpointedFunction
    {
        private readonly List<string> _held = [];
        private IListState<string> _heldState = null!;
        private IListState<string> _seenBy = null!;

        public List<string> RestoredTags { get; } = [];

        public bool WasRestored { get; private set; }

        public void InitializeState(IFunctionInitializationContext context)
        {
            opened.Add(this); // each subtask's copy
            WasRestored = context.IsRestored;
            _heldState = context.OperatorStateStore.GetListState(new ListStateDescriptor<string>("held"));
            _seenBy = context.OperatorStateStore.GetUnionListState(new ListStateDescriptor<string>("seen-by"));
            _held.AddRange(_heldState.Get());
            RestoredTags.AddRange(_seenBy.Get());
        }

        public void SnapshotState(IFunctionSnapshotContext context)
        {
            _heldState.Update(_held);
            _seenBy.Update([$"subtask {RuntimeContext.IndexOfThisSubtask}/{RuntimeContext.NumberOfParallelSubtasks} at {context.CheckpointId}"]);
        }

        public override void FlatMap(string value, ICollector<string> output) => _held.Add(value);

        public List<string> Held => _held;
    }

    private static (OperatorHarness<string, string> Harness, HoldBack Function) Subtask(int index, int parallelism, params OperatorSnapshot[] restoreFrom)
    {
        List<HoldBack> opened = [];
        var harness = OperatorHarness.For(new FlatMapOperator<string, string>(new HoldBack(opened)), OperatorHarness.Subtask(index, parallelism))
            .InitializeState(restoreFrom).Open();
        return (harness, Assert.Single(opened));
    }

    [Fact]
    public void Split_list_state_should_be_redistributed_evenly_from_two_to_three_to_one_subtasks()
    {
        var two = Enumerable.Range(0, 2).Select(i => Subtask(i, 2)).ToArray();
        Assert.All(two, s => Assert.False(s.Function.WasRestored));
        foreach (var i in Enumerable.Range(0, 7))
            two[0].Harness.ProcessElement($"a{i}");
        foreach (var i in Enumerable.Range(0, 4))
            two[1].Harness.ProcessElement($"b{i}");
        var snapshotsOfTwo = two.Select(s => s.Harness.Snapshot(1)).ToArray();

        var three = Enumerable.Range(0, 3).Select(i => Subtask(i, 3, snapshotsOfTwo)).ToArray();

        // 11 elements in subtask order, cut into 3 + 4 + 4.
        Assert.Equal(["a0", "a1", "a2"], three[0].Function.Held);
        Assert.Equal(["a3", "a4", "a5", "a6"], three[1].Function.Held);
        Assert.Equal(["b0", "b1", "b2", "b3"], three[2].Function.Held);
        Assert.All(three, s => Assert.True(s.Function.WasRestored));
        Assert.All(three, s => Assert.Equal(["subtask 0/2 at 1", "subtask 1/2 at 1"], s.Function.RestoredTags));

        three[1].Harness.ProcessElement("c0");
        var snapshotsOfThree = three.Select(s => s.Harness.Snapshot(2)).ToArray();
        var one = Subtask(0, 1, snapshotsOfThree);

        Assert.Equal(["a0", "a1", "a2", "a3", "a4", "a5", "a6", "c0", "b0", "b1", "b2", "b3"], one.Function.Held);
        Assert.Equal(["subtask 0/3 at 2", "subtask 1/3 at 2", "subtask 2/3 at 2"], one.Function.RestoredTags);
    }

    [Fact]
    public void Split_list_state_should_come_back_to_its_own_subtask_at_the_same_parallelism()
    {
        var two = Enumerable.Range(0, 2).Select(i => Subtask(i, 2)).ToArray();
        two[0].Harness.ProcessElements("x", "y", "z");
        two[1].Harness.ProcessElement("w");
        var snapshots = two.Select(s => s.Harness.Snapshot(5)).ToArray();

        var again = Enumerable.Range(0, 2).Select(i => Subtask(i, 2, snapshots)).ToArray();

        Assert.Equal(["x", "y", "z"], again[0].Function.Held);
        Assert.Equal(["w"], again[1].Function.Held);
    }

    [Fact]
    public void A_function_that_is_not_checkpointed_should_write_no_operator_state()
    {
        var harness = OperatorHarness.For(new MapOperator<int, int>(new PlusOne())).Open();
        harness.ProcessElement(1);

        Assert.Null(harness.Snapshot(1).OperatorState);
    }

    private sealed class PlusOne : RichMapFunction<int, int>
    {
        public override int Map(int value) => value + 1;
    }

    private sealed class TwoKinds : RichMapFunction<int, int>, ICheckpointedFunction
    {
        public void InitializeState(IFunctionInitializationContext context)
        {
            context.OperatorStateStore.GetListState(new ListStateDescriptor<int>("offsets"));
            context.OperatorStateStore.GetUnionListState(new ListStateDescriptor<int>("offsets"));
        }

        public void SnapshotState(IFunctionSnapshotContext context) { }

        public override int Map(int value) => value;
    }

    [Fact]
    public void Registering_one_name_as_two_kinds_of_operator_state_should_fail_naming_the_state()
    {
        var harness = OperatorHarness.For(new MapOperator<int, int>(new TwoKinds()));

        var error = Assert.Throws<InvalidOperationException>(() => harness.Open());

        Assert.Equal("Operator state 'offsets' was registered before as SplitDistribute list state of System.Int32; a name stands for one state.",
            error.Message);
    }
}
