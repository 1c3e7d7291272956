namespace ActorStream.Graph.Tests.Async;

public sealed class AsyncCapacityTests
{
    [Fact]
    public async Task A_full_queue_should_not_take_the_next_element_until_one_completes()
    {
        var lookup = new ControlledLookup();
        var harness = AsyncHarness.Unordered(lookup, capacity: 2);
        harness.ProcessElements(1, 2);

        var third = Task.Run(() => harness.ProcessElement(3));
        AsyncHarness.WaitUntilBlocked(harness);
        Assert.Equal([1, 2], lookup.Invocations);
        Assert.False(third.IsCompleted);

        lookup.Complete(2);
        await third.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([1, 2, 3], lookup.Invocations);
        Assert.Equal(["r2"], harness.Values);
    }

    [Fact]
    public async Task Ordered_wait_should_count_completed_elements_that_wait_for_their_turn_against_the_capacity()
    {
        var lookup = new ControlledLookup();
        var harness = AsyncHarness.Ordered(lookup, capacity: 2);
        harness.ProcessElements(1, 2);

        var third = Task.Run(() => harness.ProcessElement(3));
        AsyncHarness.WaitUntilBlocked(harness);
        lookup.Complete(2); // done, but it waits behind 1: the queue stays full
        AsyncHarness.WaitUntilBlocked(harness);
        Assert.Equal([1, 2], lookup.Invocations);
        Assert.False(third.IsCompleted);

        lookup.Complete(1);
        await third.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([1, 2, 3], lookup.Invocations);
        Assert.Equal(["r1", "r2"], harness.Values);
    }

    [Theory]
    [InlineData(0, 1_000, "capacity")]
    [InlineData(5, 0, "timeout")]
    [InlineData(5, -5, "timeout")]
    public void Bad_settings_should_be_refused_with_what_to_fix(int capacity, int timeoutMs, string named)
    {
        var env = StreamExecutionEnvironment.Create();
        var input = env.FromCollection<int>([]);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            AsyncDataStream.OrderedWait(input, (x, _) => Task.FromResult(x), TimeSpan.FromMilliseconds(timeoutMs), capacity));

        Assert.Contains($"async {named}", error.Message);
    }

    [Fact]
    public void An_infinite_timeout_should_be_allowed()
    {
        var lookup = new ControlledLookup();
        var harness = Harnesses.For<int, string>(s => AsyncDataStream.OrderedWait(s, lookup, Timeout.InfiniteTimeSpan), OperatorHarness.Subtask())
            .Open();
        harness.ProcessElement(1);

        harness.Clock.AdvanceTo(long.MaxValue / 2);
        lookup.Complete(1);
        harness.ProcessMailbox();

        Assert.Equal(["r1"], harness.Values);
        Assert.Equal(0, harness.Clock.Pending);
    }
}
