namespace ActorStream.Graph;

/// <summary>An async function from a lambda that returns one result per element.</summary>
internal sealed class LambdaAsyncFunction<TIn, TOut>(Func<TIn, CancellationToken, Task<TOut>> function) : IAsyncFunction<TIn, TOut>
{
    private readonly Func<TIn, CancellationToken, Task<TOut>> _function = function ?? throw new ArgumentNullException(nameof(function));

    /// <summary>
    /// Wraps the lambda's result without an async state machine: the continuation runs where the lambda's task completes,
    /// so a completed task gives a completed task, and a failure keeps its own exception (GetResult, not Result).
    /// </summary>
    public Task<IEnumerable<TOut>> InvokeAsync(TIn input, CancellationToken cancellationToken) =>
        (_function(input, cancellationToken) ?? throw new InvalidOperationException("The async lambda returned null instead of a task."))
        .ContinueWith<IEnumerable<TOut>>(call => [call.GetAwaiter().GetResult()], CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
