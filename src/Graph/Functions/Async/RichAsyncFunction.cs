namespace ActorStream.Graph;

/// <summary>
/// An async function with a lifecycle and runtime context (Flink's RichAsyncFunction): open connections and clients
/// in <see cref="RichFunction.Open"/>, dispose them in <see cref="RichFunction.Close"/>. Each subtask runs its own copy.
/// </summary>
public abstract class RichAsyncFunction<TIn, TOut> : RichFunction, IAsyncFunction<TIn, TOut>
{
    /// <inheritdoc />
    public abstract Task<IEnumerable<TOut>> InvokeAsync(TIn input, CancellationToken cancellationToken);

    /// <inheritdoc />
    public virtual IEnumerable<TOut> Timeout(TIn input) =>
        throw new TimeoutException("The async function did not complete within the timeout.");
}
