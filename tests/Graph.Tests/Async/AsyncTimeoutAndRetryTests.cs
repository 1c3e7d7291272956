using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Tests.Async;

public sealed class AsyncTimeoutAndRetryTests
{
    private sealed class TransientException(string message) : Exception(message);

    [Fact]
    public void A_timed_out_element_should_emit_what_the_timeout_handler_returns_and_ignore_its_late_result()
    {
        OperatorHarness<int, string>? harness = null;
        var lookup = new ControlledLookup(() => harness!.Clock.CurrentProcessingTime, x => [$"fallback {x}"]);
        harness = AsyncHarness.Ordered(lookup, timeoutMs: 500, context: OperatorHarness.Subtask(now: 1_000));
        harness.ProcessElement(1, 7);
        harness.Clock.AdvanceTo(1_200);
        harness.ProcessElement(2, 8);

        harness.Clock.AdvanceTo(1_499);
        Assert.Empty(harness.Values);
        harness.Clock.AdvanceTo(1_500);
        Assert.Equal([new StreamRecord<string>("fallback 1", 7)], harness.Records);
        Assert.True(lookup.WasCancelled(1));

        lookup.Complete(1, "too late");
        lookup.Complete(2);
        harness.ProcessMailbox();

        Assert.Equal(["fallback 1", "r2"], harness.Values);
        Assert.False(lookup.WasCancelled(2));
    }

    [Fact]
    public void A_timeout_without_a_handler_should_fail_with_the_operator_name()
    {
        var lookup = new ControlledLookup();
        var harness = AsyncHarness.Unordered(lookup, timeoutMs: 500, context: OperatorHarness.Subtask() with { OperatorName = "Enrich clicks" });
        harness.ProcessElement(1);

        var error = Assert.Throws<TimeoutException>(() => harness.Clock.AdvanceTo(500));

        Assert.Equal("Async operator 'Enrich clicks' timed out: an element did not complete within 500 ms (1 attempt). " +
            "Raise the timeout, or override Timeout(input) in the async function to emit a fallback.", error.Message);
    }

    [Fact]
    public void A_failed_call_should_fail_with_the_operator_name_and_the_cause()
    {
        var lookup = new ControlledLookup();
        var harness = AsyncHarness.Ordered(lookup, context: OperatorHarness.Subtask() with { OperatorName = "Enrich clicks" });
        harness.ProcessElement(1);
        lookup.Fail(1, new InvalidDataException("no such user"));

        var error = Assert.Throws<InvalidOperationException>(() => harness.ProcessMailbox());

        Assert.Equal("The async function of 'Enrich clicks' failed after 1 attempt: InvalidDataException: no such user", error.Message);
        Assert.IsType<InvalidDataException>(error.InnerException);
    }

    [Fact]
    public void A_function_that_throws_before_returning_a_task_should_fail_like_a_failed_call()
    {
        var harness = Harnesses.For<int, int>(s => AsyncDataStream.OrderedWait<int, int>(s, (_, _) => throw new ArgumentException("bad id"),
            TimeSpan.FromSeconds(1))).Open();

        var error = Assert.Throws<InvalidOperationException>(() => harness.ProcessElement(1));

        Assert.Equal("The async function of 'test' failed after 1 attempt: ArgumentException: bad id", error.Message);
    }

    [Fact]
    public void Fixed_delay_retries_should_call_again_after_the_delay_until_the_attempts_run_out()
    {
        OperatorHarness<int, string>? harness = null;
        var lookup = new ControlledLookup(() => harness!.Clock.CurrentProcessingTime);
        harness = AsyncHarness.Ordered(lookup, timeoutMs: 10_000, retry: AsyncRetryStrategy<string>.FixedDelay(3, TimeSpan.FromMilliseconds(100)));
        harness.ProcessElement(1);

        lookup.Fail(1, new TransientException("busy"));
        harness.ProcessMailbox();
        harness.Clock.AdvanceTo(99);
        Assert.Equal([1], lookup.Invocations);
        harness.Clock.AdvanceTo(100);
        Assert.Equal([1, 1], lookup.Invocations);
        lookup.Fail(1, new TransientException("busy"));
        harness.ProcessMailbox();
        harness.Clock.AdvanceTo(200);
        lookup.Fail(1, new TransientException("still busy"));
        var error = Assert.Throws<InvalidOperationException>(() => harness.ProcessMailbox());

        Assert.Equal([0L, 100, 200], lookup.InvocationTimes);
        Assert.Equal("The async function of 'test' failed after 3 attempts: TransientException: still busy", error.Message);
    }

    [Fact]
    public void A_retry_that_succeeds_should_emit_its_results_once()
    {
        var lookup = new ControlledLookup();
        var harness = AsyncHarness.Unordered(lookup, retry: AsyncRetryStrategy<string>.FixedDelay(3, TimeSpan.FromMilliseconds(100)));
        harness.ProcessElement(1, 5);
        lookup.Fail(1, new TransientException("busy"));
        harness.ProcessMailbox();
        harness.Clock.AdvanceTo(100);

        lookup.Complete(1, "found");
        harness.ProcessMailbox();

        Assert.Equal([new StreamRecord<string>("found", 5)], harness.Records);
        Assert.Equal([1, 1], lookup.Invocations);
    }

    [Fact]
    public void Exponential_backoff_should_grow_the_delay_by_the_multiplier_up_to_the_max_delay()
    {
        var times = new List<long>();
        OperatorHarness<int, string>? harness = null;
        var attempts = 0;
        var function = new ScriptedLookup(_ =>
        {
            times.Add(harness!.Clock.CurrentProcessingTime);
            return ++attempts < 5 ? [] : ["found"];
        });
        var retry = AsyncRetryStrategy<string>.ExponentialBackoff(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300), 2)
            .IfResult(RetryPredicates.EmptyResult);
        harness = Harnesses.For<int, string>(s => AsyncDataStream.OrderedWaitWithRetry(s, function, TimeSpan.FromSeconds(10), 10, retry),
            OperatorHarness.Subtask()).Open();
        harness.ProcessElement(1);

        for (var t = 0; t <= 2_000; t += 50)
            harness.Clock.AdvanceTo(t);

        Assert.Equal([0L, 100, 300, 600, 900], times);
        Assert.Equal(["found"], harness.Values);
    }

    [Fact]
    public void Results_still_matching_the_retry_predicate_when_the_attempts_run_out_should_be_emitted()
    {
        var calls = 0;
        var function = new ScriptedLookup(x =>
        {
            calls++;
            return [$"partial {x}"];
        });
        var retry = AsyncRetryStrategy<string>.FixedDelay(2, TimeSpan.FromMilliseconds(10)).IfResult(r => r[0].StartsWith("partial", StringComparison.Ordinal));
        var harness = Harnesses.For<int, string>(s => AsyncDataStream.UnorderedWaitWithRetry(s, function, TimeSpan.FromSeconds(1), 10, retry),
            OperatorHarness.Subtask()).Open();

        harness.ProcessElement(4);
        harness.Clock.AdvanceTo(10);

        Assert.Equal(2, calls);
        Assert.Equal(["partial 4"], harness.Values);
    }

    [Fact]
    public void Retries_should_stop_at_the_timeout_counted_from_the_first_attempt()
    {
        OperatorHarness<int, string>? harness = null;
        var lookup = new ControlledLookup(() => harness!.Clock.CurrentProcessingTime, x => [$"fallback {x}"]);
        harness = AsyncHarness.Ordered(lookup, timeoutMs: 250, retry: AsyncRetryStrategy<string>.FixedDelay(10, TimeSpan.FromMilliseconds(100)));
        harness.ProcessElement(1);

        for (var t = 0; t <= 1_000; t += 50)
        {
            if (harness.Values.Count == 0 && lookup.InvocationTimes[^1] == t)
                lookup.Fail(1, new TransientException("busy"));
            harness.ProcessMailbox();
            harness.Clock.AdvanceTo(t + 50);
        }

        Assert.Equal([0L, 100, 200], lookup.InvocationTimes);
        Assert.Equal(["fallback 1"], harness.Values);
    }

    [Fact]
    public void An_exception_predicate_should_retry_only_the_exceptions_it_accepts()
    {
        var lookup = new ControlledLookup();
        var retry = AsyncRetryStrategy<string>.FixedDelay(5, TimeSpan.FromMilliseconds(10)).IfException(RetryPredicates.ExceptionOfType<TransientException>());
        var harness = AsyncHarness.Ordered(lookup, retry: retry);
        harness.ProcessElement(1);
        lookup.Fail(1, new TransientException("busy"));
        harness.ProcessMailbox();
        harness.Clock.AdvanceTo(10);

        lookup.Fail(1, new UnauthorizedAccessException("denied"));
        var error = Assert.Throws<InvalidOperationException>(() => harness.ProcessMailbox());

        Assert.Equal([1, 1], lookup.Invocations);
        Assert.IsType<UnauthorizedAccessException>(error.InnerException);
    }

    [Fact]
    public void Retry_strategies_should_give_their_delays_and_attempts()
    {
        var exponential = AsyncRetryStrategy<int>.ExponentialBackoff(6, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50), 3);
        var fixedDelay = AsyncRetryStrategy<int>.FixedDelay(2, TimeSpan.FromSeconds(1));

        Assert.Equal([10.0, 30, 50, 50, 50], Enumerable.Range(1, 5).Select(a => exponential.DelayAfter(a).TotalMilliseconds));
        Assert.Equal([true, false], new[] { 1, 2 }.Select(fixedDelay.CanRetry));
        Assert.False(AsyncRetryStrategy<int>.NoRetry.CanRetry(1));
        Assert.Contains("at least 1", Assert.Throws<ArgumentOutOfRangeException>(() => AsyncRetryStrategy<int>.FixedDelay(0, TimeSpan.Zero)).Message);
        Assert.Contains("max delay", Assert.Throws<ArgumentOutOfRangeException>(() =>
            AsyncRetryStrategy<int>.ExponentialBackoff(3, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), 2)).Message);
    }

    /// <summary>Completes each call at once with what the script returns.</summary>
    private sealed class ScriptedLookup(Func<int, IEnumerable<string>> script) : IAsyncFunction<int, string>
    {
        public Task<IEnumerable<string>> InvokeAsync(int input, CancellationToken cancellationToken) => Task.FromResult(script(input));
    }
}
