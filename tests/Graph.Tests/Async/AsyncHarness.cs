using ActorStream.Graph.Operators;

namespace ActorStream.Graph.Tests.Async;

/// <summary>Builds harnesses around the operator <see cref="AsyncDataStream"/> creates, on a manual clock and mailbox.</summary>
internal static class AsyncHarness
{
    public static OperatorHarness<int, string> Ordered(IAsyncFunction<int, string> function, int capacity = 10, int timeoutMs = 1_000,
        AsyncRetryStrategy<string>? retry = null, OperatorContext? context = null) =>
        Harnesses.For<int, string>(s => AsyncDataStream.OrderedWaitWithRetry(s, function, TimeSpan.FromMilliseconds(timeoutMs), capacity,
            retry ?? AsyncRetryStrategy<string>.NoRetry), context ?? OperatorHarness.Subtask()).Open();

    public static OperatorHarness<int, string> Unordered(IAsyncFunction<int, string> function, int capacity = 10, int timeoutMs = 1_000,
        AsyncRetryStrategy<string>? retry = null, OperatorContext? context = null) =>
        Harnesses.For<int, string>(s => AsyncDataStream.UnorderedWaitWithRetry(s, function, TimeSpan.FromMilliseconds(timeoutMs), capacity,
            retry ?? AsyncRetryStrategy<string>.NoRetry), context ?? OperatorHarness.Subtask()).Open();

    /// <summary>Waits (up to 10 s) until the operator is blocked in its mailbox with no mail left, so a test can assert what it did not do.</summary>
    public static void WaitUntilBlocked(OperatorHarness<int, string> harness)
    {
        // Pending first: a mail is taken before the flag is set again, so both together mean "ran everything, waits again".
        if (!SpinWait.SpinUntil(() => harness.Mailbox.Pending == 0 && harness.Mailbox.IsYielding, TimeSpan.FromSeconds(10)))
            throw new TimeoutException("The operator did not block in its mailbox.");
    }
}
