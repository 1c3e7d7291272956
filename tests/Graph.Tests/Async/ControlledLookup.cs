namespace ActorStream.Graph.Tests.Async;

/// <summary>
/// An async function whose calls the test completes by hand: each call returns a fresh TaskCompletionSource's task,
/// so completion order, failures and timing are the test's. Records every call (input, attempt, processing time) and
/// whether its cancellation token was cancelled. Thread-safe: a blocked subtask may call it from another thread.
/// </summary>
internal sealed class ControlledLookup(Func<long>? now = null, Func<int, IEnumerable<string>>? onTimeout = null) : IAsyncFunction<int, string>
{
    private readonly Lock _lock = new();
    private readonly List<(int Input, TaskCompletionSource<IEnumerable<string>> Call, CancellationToken Token, long At)> _calls = [];

    /// <summary>Every call's input, in call order.</summary>
    public IReadOnlyList<int> Invocations
    {
        get
        {
            lock (_lock)
                return [.. _calls.Select(c => c.Input)];
        }
    }

    /// <summary>The processing time of every call, in call order.</summary>
    public IReadOnlyList<long> InvocationTimes
    {
        get
        {
            lock (_lock)
                return [.. _calls.Select(c => c.At)];
        }
    }

    /// <inheritdoc />
    public Task<IEnumerable<string>> InvokeAsync(int input, CancellationToken cancellationToken)
    {
        var call = new TaskCompletionSource<IEnumerable<string>>();
        lock (_lock)
            _calls.Add((input, call, cancellationToken, now?.Invoke() ?? 0));
        return call.Task;
    }

    /// <inheritdoc />
    public IEnumerable<string> Timeout(int input) =>
        onTimeout is null ? throw new TimeoutException("no fallback") : onTimeout(input);

    /// <summary>Completes the latest call for <paramref name="input"/> with "r{input}".</summary>
    public void Complete(int input) => Latest(input).Call.SetResult([$"r{input}"]);

    /// <summary>Completes the latest call for <paramref name="input"/> with <paramref name="results"/> (possibly none).</summary>
    public void Complete(int input, params string[] results) => Latest(input).Call.SetResult(results);

    /// <summary>Fails the latest call for <paramref name="input"/>.</summary>
    public void Fail(int input, Exception error) => Latest(input).Call.SetException(error);

    /// <summary>True when the latest call for <paramref name="input"/> had its token cancelled.</summary>
    public bool WasCancelled(int input) => Latest(input).Token.IsCancellationRequested;

    private (int Input, TaskCompletionSource<IEnumerable<string>> Call, CancellationToken Token, long At) Latest(int input)
    {
        lock (_lock)
            return _calls.Last(c => c.Input == input);
    }
}
