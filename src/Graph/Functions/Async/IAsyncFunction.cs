namespace ActorStream.Graph;

/// <summary>
/// Looks something up for each element without blocking the subtask (Flink's AsyncFunction): a database query,
/// an HTTP call. The operator starts <see cref="InvokeAsync"/> on the subtask's thread and takes the results back
/// onto it when the task completes, so the function may await freely but must not touch operator state from
/// continuations. Used through <see cref="AsyncDataStream"/>.
/// </summary>
public interface IAsyncFunction<in TIn, TOut>
{
    /// <summary>
    /// Starts the call for <paramref name="input"/>; its task yields the results (zero or more). An exception (after
    /// the retries a retry strategy allows) fails the job. <paramref name="cancellationToken"/> is cancelled when the
    /// element timed out or the operator closes.
    /// </summary>
    Task<IEnumerable<TOut>> InvokeAsync(TIn input, CancellationToken cancellationToken);

    /// <summary>
    /// Called on the subtask's thread when <paramref name="input"/> did not complete within the timeout (counted from
    /// the first attempt): returns the results to emit instead, or throws to fail the job. By default it throws a
    /// <see cref="TimeoutException"/>.
    /// </summary>
    IEnumerable<TOut> Timeout(TIn input) => throw new TimeoutException("The async function did not complete within the timeout.");
}
