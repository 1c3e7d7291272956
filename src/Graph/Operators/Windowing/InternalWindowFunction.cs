using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Operators.Windowing;

/// <summary>
/// How the operator evaluates a pane's contents (Flink's InternalWindowFunction): adapts the user's reduce,
/// aggregate and process window functions to the kind of contents the pane holds.
/// </summary>
internal abstract class InternalWindowFunction<TContents, TOut, TKey, W> where W : Window
{
    /// <summary>Evaluates <paramref name="contents"/> of <paramref name="window"/>.</summary>
    public abstract void Process(TKey key, W window, IInternalWindowContext context, TContents contents, ICollector<TOut> output);

    /// <summary>Called when <paramref name="window"/> is cleaned up.</summary>
    public virtual void Clear(W window, IInternalWindowContext context)
    {
    }

    /// <summary>Opens the user functions inside.</summary>
    public virtual void Open(IRuntimeContext runtimeContext)
    {
    }

    /// <summary>Closes the user functions inside.</summary>
    public virtual void Close()
    {
    }
}
