using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Operators.Windowing;

/// <summary>Emits a pane's pre-aggregated value as is (Reduce or Aggregate without a process window function).</summary>
internal sealed class PassThroughWindowFunction<T, TKey, W> : InternalWindowFunction<T, T, TKey, W> where W : Window
{
    public override void Process(TKey key, W window, IInternalWindowContext context, T contents, ICollector<T> output) =>
        output.Collect(contents);
}
