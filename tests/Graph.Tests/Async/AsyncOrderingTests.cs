using ActorStream.Graph.Operators.Async;
using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Tests.Async;

public sealed class AsyncOrderingTests
{
    [Fact]
    public void Ordered_wait_should_emit_results_in_input_order_whatever_order_the_calls_complete_in()
    {
        var lookup = new ControlledLookup();
        var harness = AsyncHarness.Ordered(lookup);
        harness.ProcessElement(1, 10);
        harness.ProcessElement(2, 20);
        harness.ProcessElement(3, 30);

        lookup.Complete(3, "c1", "c2");
        lookup.Complete(1);
        harness.ProcessMailbox();
        Assert.Equal([new StreamRecord<string>("r1", 10)], harness.Records);

        lookup.Complete(2);
        harness.ProcessMailbox();

        Assert.Equal([new("r1", 10), new("r2", 20), new("c1", 30), new StreamRecord<string>("c2", 30)], harness.Records);
        Assert.Equal(0, ((AsyncWaitOperator<int, string>)harness.Operator).InFlight);
        Assert.Equal(0, harness.Clock.Pending); // completed elements cancel their timeouts
    }

    [Fact]
    public void Completions_should_wait_in_the_mailbox_until_the_subtask_runs_it()
    {
        var lookup = new ControlledLookup();
        var harness = AsyncHarness.Unordered(lookup);
        harness.ProcessElement(1);

        lookup.Complete(1);

        Assert.Empty(harness.Values);
        Assert.Equal(1, harness.Mailbox.Pending);
        Assert.Equal(1, harness.ProcessMailbox());
        Assert.Equal(["r1"], harness.Values);
    }

    [Fact]
    public void Unordered_wait_should_emit_results_as_the_calls_complete()
    {
        var lookup = new ControlledLookup();
        var harness = AsyncHarness.Unordered(lookup);
        harness.ProcessElements(1, 2, 3);

        lookup.Complete(3);
        harness.ProcessMailbox();
        lookup.Complete(1);
        harness.ProcessMailbox();
        Assert.Equal(["r3", "r1"], harness.Values);

        lookup.Complete(2);
        harness.ProcessMailbox();
        Assert.Equal(["r3", "r1", "r2"], harness.Values);
    }

    [Fact]
    public void Unordered_wait_should_never_let_a_result_overtake_a_watermark()
    {
        var lookup = new ControlledLookup();
        var harness = AsyncHarness.Unordered(lookup);
        harness.ProcessElement(1, 50);
        harness.ProcessElement(2, 60);
        harness.ProcessWatermark(100);
        harness.ProcessElement(3, 150);
        harness.ProcessElement(4, 160);
        harness.ProcessWatermark(200);
        harness.ProcessElement(5, 250);

        lookup.Complete(3);
        lookup.Complete(5);
        harness.ProcessMailbox();
        Assert.Empty(harness.Events);

        lookup.Complete(2);
        harness.ProcessMailbox();
        Assert.Equal([new RecordEmitted("r2", 60)], harness.Events);

        lookup.Complete(1);
        harness.ProcessMailbox();
        Assert.Equal([new RecordEmitted("r2", 60), new RecordEmitted("r1", 50), new WatermarkEmitted(100), new RecordEmitted("r3", 150)],
            harness.Events);

        lookup.Complete(4);
        harness.ProcessMailbox();
        Assert.Equal(
            [
                new RecordEmitted("r2", 60), new RecordEmitted("r1", 50), new WatermarkEmitted(100), new RecordEmitted("r3", 150),
                new RecordEmitted("r4", 160), new WatermarkEmitted(200), new RecordEmitted("r5", 250),
            ],
            harness.Events);
    }

    [Fact]
    public void Ordered_wait_should_hold_a_watermark_behind_the_elements_before_it_and_pass_it_at_once_when_none_is_in_flight()
    {
        var lookup = new ControlledLookup();
        var harness = AsyncHarness.Ordered(lookup);
        harness.ProcessWatermark(5);
        harness.ProcessElement(1, 10);
        harness.ProcessWatermark(20);
        harness.ProcessWatermark(30); // nothing between them: the later one stands for both
        harness.ProcessElement(2, 40);
        Assert.Equal([new WatermarkEmitted(5)], harness.Events);

        lookup.Complete(2);
        lookup.Complete(1);
        harness.ProcessMailbox();

        Assert.Equal([new WatermarkEmitted(5), new RecordEmitted("r1", 10), new WatermarkEmitted(30), new RecordEmitted("r2", 40)],
            harness.Events);
    }

    [Fact]
    public void An_element_with_no_results_should_emit_nothing_and_free_its_place()
    {
        var lookup = new ControlledLookup();
        var harness = AsyncHarness.Ordered(lookup, capacity: 1);
        harness.ProcessElement(1);
        lookup.Complete(1, []);
        harness.ProcessMailbox();

        harness.ProcessElement(2);

        Assert.Empty(harness.Values);
        Assert.Equal([1, 2], lookup.Invocations);
    }

    [Fact]
    public void A_call_that_completes_at_once_should_emit_without_going_through_the_mailbox()
    {
        var harness = Harnesses.For<int, int>(s => AsyncDataStream.OrderedWait(s, (x, _) => Task.FromResult(x * 2), TimeSpan.FromSeconds(1)))
            .Open();

        harness.ProcessElements(1, 2, 3);

        Assert.Equal([2, 4, 6], harness.Values);
        Assert.Equal(0, harness.Mailbox.Pending);
    }

    [Fact]
    public void A_lambda_completed_by_the_test_should_emit_once_the_mailbox_runs()
    {
        var pending = new TaskCompletionSource<string>();
        var harness = Harnesses.For<int, string>(s => AsyncDataStream.OrderedWait(s, (int x, CancellationToken ct) => pending.Task,
            TimeSpan.FromSeconds(1)), OperatorHarness.Subtask()).Open();
        harness.ProcessElement(1, timestamp: 10);

        pending.SetResult("one");
        Assert.Empty(harness.Records);
        harness.ProcessMailbox();

        Assert.Equal([new StreamRecord<string>("one", 10)], harness.Records);
    }

    [Fact]
    public async Task A_lambda_that_awaits_should_complete_through_the_mailbox()
    {
        var harness = Harnesses.For<int, string>(s => AsyncDataStream.UnorderedWait(s, async (x, ct) =>
        {
            await Task.Delay(x, ct).ConfigureAwait(false);
            return $"waited {x}";
        }, TimeSpan.FromSeconds(30))).Open();

        harness.ProcessElements(30, 1, 10);
        await Task.Run(() => harness.ProcessMailboxUntil(() => harness.Values.Count == 3));

        Assert.Equal(["waited 1", "waited 10", "waited 30"], harness.Values.Order());
    }

    [Fact]
    public async Task End_of_input_should_wait_for_every_element_in_flight()
    {
        var lookup = new ControlledLookup();
        var harness = AsyncHarness.Ordered(lookup);
        harness.ProcessElements(1, 2);
        harness.ProcessWatermark(Watermarks.Max);

        var ending = Task.Run(harness.EndInput);
        AsyncHarness.WaitUntilBlocked(harness);
        Assert.False(ending.IsCompleted);
        lookup.Complete(2);
        AsyncHarness.WaitUntilBlocked(harness);
        Assert.False(ending.IsCompleted);
        lookup.Complete(1);
        await ending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([new RecordEmitted("r1", StreamRecord<int>.NoTimestamp), new RecordEmitted("r2", StreamRecord<int>.NoTimestamp),
            new WatermarkEmitted(Watermarks.Max)], harness.Events);
    }
}
