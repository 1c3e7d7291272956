namespace ActorStream.Graph;

/// <summary>An async function from a lambda that returns one result per element.</summary>
internal sealed class LambdaAsyncFunction<TIn, TOut>(Func<TIn, CancellationToken, Task<TOut>> function) : IAsyncFunction<TIn, TOut>
{
    private readonly Func<TIn, CancellationToken, Task<TOut>> _function = function ?? throw new ArgumentNullException(nameof(function));

    public async Task<IEnumerable<TOut>> InvokeAsync(TIn input, CancellationToken cancellationToken) =>
        [await _function(input, cancellationToken).ConfigureAwait(false)];
}
