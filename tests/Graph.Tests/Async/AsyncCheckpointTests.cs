using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Tests.Async;

public sealed class AsyncCheckpointTests
{
    [Fact]
    public void A_restore_should_issue_again_exactly_the_elements_not_yet_emitted_at_the_checkpoint()
    {
        var lookup = new ControlledLookup();
        var harness = AsyncHarness.Ordered(lookup);
        harness.ProcessElement(1, 10);
        harness.ProcessElement(2, 20);
        harness.ProcessElement(3, 30);
        harness.ProcessElement(4, 40);
        lookup.Complete(1);
        lookup.Complete(3); // completed, but not emitted (2 is before it): issued again after a restore
        harness.ProcessMailbox();
        Assert.Equal(["r1"], harness.Values);

        var snapshot = harness.Snapshot(1);
        harness.Close();
        var again = new ControlledLookup();
        var restored = Harnesses.For<int, string>(s => AsyncDataStream.OrderedWait(s, again, TimeSpan.FromSeconds(1)), OperatorHarness.Subtask())
            .InitializeState(snapshot).Open();

        Assert.Equal([2, 3, 4], again.Invocations);
        again.Complete(4);
        again.Complete(3);
        again.Complete(2);
        restored.ProcessMailbox();
        Assert.Equal([new("r2", 20), new("r3", 30), new StreamRecord<string>("r4", 40)], restored.Records);
        Assert.True(lookup.WasCancelled(2));
    }

    [Fact]
    public void Unordered_snapshots_should_hold_only_what_was_not_emitted()
    {
        var lookup = new ControlledLookup();
        var harness = AsyncHarness.Unordered(lookup);
        harness.ProcessElements(1, 2, 3);
        lookup.Complete(2);
        harness.ProcessMailbox();

        var snapshot = harness.Snapshot(1);
        var again = new ControlledLookup();
        Harnesses.For<int, string>(s => AsyncDataStream.UnorderedWait(s, again, TimeSpan.FromSeconds(1)), OperatorHarness.Subtask())
            .InitializeState(snapshot).Open();

        Assert.Equal([1, 3], again.Invocations);
    }

    [Fact]
    public void A_snapshot_with_nothing_in_flight_should_restore_to_nothing()
    {
        var lookup = new ControlledLookup();
        var harness = AsyncHarness.Ordered(lookup);
        harness.ProcessElement(1);
        lookup.Complete(1);
        harness.ProcessMailbox();

        var again = new ControlledLookup();
        Harnesses.For<int, string>(s => AsyncDataStream.OrderedWait(s, again, TimeSpan.FromSeconds(1)), OperatorHarness.Subtask())
            .InitializeState(harness.Snapshot(1)).Open();

        Assert.Empty(again.Invocations);
    }

    [Fact]
    public void Rescaling_from_2_to_3_to_1_subtasks_should_issue_every_in_flight_element_exactly_once()
    {
        // Two subtasks with elements in flight.
        var first = new[] { (Subtask: 0, Elements: new[] { 11, 12, 13, 14 }), (Subtask: 1, Elements: new[] { 21, 22, 23 }) }
            .Select(s =>
            {
                var lookup = new ControlledLookup();
                var harness = AsyncHarness.Unordered(lookup, context: OperatorHarness.Subtask(s.Subtask, 2));
                foreach (var element in s.Elements)
                    harness.ProcessElement(element, element * 10);
                return harness.Snapshot(1);
            })
            .ToArray();

        // Three subtasks restored from both: each issues its share.
        var three = Enumerable.Range(0, 3).Select(i =>
        {
            var lookup = new ControlledLookup();
            var harness = Harnesses.For<int, string>(s => AsyncDataStream.UnorderedWait(s, lookup, TimeSpan.FromSeconds(1)),
                OperatorHarness.Subtask(i, 3)).InitializeState(first).Open();
            return (lookup, harness);
        }).ToArray();
        Assert.Equal([[11, 14, 23], [12, 21], [13, 22]], three.Select(s => s.lookup.Invocations));

        // One of them completes an element before the next checkpoint; the rest stays in flight.
        three[1].lookup.Complete(21);
        three[1].harness.ProcessMailbox();
        Assert.Equal([new StreamRecord<string>("r21", 210)], three[1].harness.Records);
        var second = three.Select(s => s.harness.Snapshot(2)).ToArray();

        // One subtask restored from the three: everything not emitted, once, with its timestamp.
        var single = new ControlledLookup();
        var last = Harnesses.For<int, string>(s => AsyncDataStream.UnorderedWait(s, single, TimeSpan.FromSeconds(1)), OperatorHarness.Subtask())
            .InitializeState(second).Open();
        Assert.Equal([11, 14, 23, 12, 13, 22], single.Invocations);
        foreach (var element in single.Invocations)
            single.Complete(element);
        last.ProcessMailbox();
        Assert.Equal([110L, 140, 230, 120, 130, 220], last.Records.Select(r => r.Timestamp));
    }

    [Fact]
    public void A_restored_operator_should_take_watermarks_after_the_reissued_elements()
    {
        var lookup = new ControlledLookup();
        var harness = AsyncHarness.Unordered(lookup);
        harness.ProcessElement(1, 10);
        harness.ProcessWatermark(15);
        var snapshot = harness.Snapshot(1);

        var again = new ControlledLookup();
        var restored = Harnesses.For<int, string>(s => AsyncDataStream.UnorderedWait(s, again, TimeSpan.FromSeconds(1)), OperatorHarness.Subtask())
            .InitializeState(snapshot).Open();
        restored.ProcessWatermark(15); // upstream re-establishes event time after a restore
        restored.ProcessElement(2, 20);
        again.Complete(2);
        again.Complete(1);
        restored.ProcessMailbox();

        Assert.Equal([new RecordEmitted("r1", 10), new WatermarkEmitted(15), new RecordEmitted("r2", 20)], restored.Events);
    }
}

/// <summary>An async function with operator state of its own (its calls so far), logging the count at open and at each call.</summary>
internal sealed class CountingLookup(List<long> log) : RichAsyncFunction<int, string>, ICheckpointedFunction
{
    private IListState<long> _state = null!;
    private long _calls;

    public void InitializeState(IFunctionInitializationContext context)
    {
        _state = context.OperatorStateStore.GetListState(new ListStateDescriptor<long>("calls"));
        _calls = _state.Get().Sum();
    }

    public void SnapshotState(IFunctionSnapshotContext context) => _state.Update([_calls]);

    public override void Open() => log.Add(_calls);

    public override Task<IEnumerable<string>> InvokeAsync(int input, CancellationToken cancellationToken)
    {
        log.Add(++_calls);
        return new TaskCompletionSource<IEnumerable<string>>().Task;
    }
}

public sealed class AsyncCheckpointedFunctionTests
{
    [Fact]
    public void A_checkpointed_async_function_should_get_its_own_state_back_next_to_the_reissued_elements()
    {
        List<long> before = [];
        var harness = Harnesses.For<int, string>(s => AsyncDataStream.OrderedWait(s, new CountingLookup(before), TimeSpan.FromSeconds(1)),
            OperatorHarness.Subtask()).Open();
        harness.ProcessElements(1, 2, 3);
        var snapshot = harness.Snapshot(1);

        List<long> after = [];
        Harnesses.For<int, string>(s => AsyncDataStream.OrderedWait(s, new CountingLookup(after), TimeSpan.FromSeconds(1)),
            OperatorHarness.Subtask()).InitializeState(snapshot).Open();

        Assert.Equal([0L, 1, 2, 3], before);
        Assert.Equal([3L, 4, 5, 6], after); // opened with its 3 calls, then the 3 elements in flight issued again
    }
}
