using ActorStream.Graph.Operators;
using ActorStream.Graph.Operators.Windowing;
using ActorStream.Graph.Windowing;

namespace ActorStream.Graph;

/// <summary>Two streams to join per key and window: <c>a.Join(b).Where(ka).EqualTo(kb).Window(w).Apply(f)</c>.</summary>
public sealed class JoinedStreams<T1, T2>(DataStream<T1> first, DataStream<T2> second)
{
    /// <summary>The key of the first stream's elements.</summary>
    public WithKey<TKey> Where<TKey>(Func<T1, TKey> keySelector) where TKey : notnull => new(first, second, keySelector);

    /// <summary>A join that knows the first stream's key.</summary>
    public sealed class WithKey<TKey>(DataStream<T1> first, DataStream<T2> second, Func<T1, TKey> key1) where TKey : notnull
    {
        /// <summary>The key of the second stream's elements: elements with equal keys join.</summary>
        public WithKeys<TKey> EqualTo(Func<T2, TKey> keySelector) => new(first, second, key1, keySelector);
    }

    /// <summary>A join that knows both keys.</summary>
    public sealed class WithKeys<TKey>(DataStream<T1> first, DataStream<T2> second, Func<T1, TKey> key1, Func<T2, TKey> key2)
        where TKey : notnull
    {
        /// <summary>The windows both streams are cut into; pairs join only within one window.</summary>
        public JoinWindow<T1, T2, TKey, W> Window<W>(WindowAssigner<W> assigner) where W : Window =>
            new(new TwoStreamWindowSpec<T1, T2, TKey, W>(first, second, key1, key2, assigner));
    }
}

/// <summary>A windowed inner join, ready for its function.</summary>
public sealed class JoinWindow<T1, T2, TKey, W> where TKey : notnull where W : Window
{
    private TwoStreamWindowSpec<T1, T2, TKey, W> _spec;

    internal JoinWindow(TwoStreamWindowSpec<T1, T2, TKey, W> spec) => _spec = spec;

    /// <summary>Replaces the assigner's default trigger.</summary>
    public JoinWindow<T1, T2, TKey, W> Trigger(Trigger trigger)
    {
        _spec = _spec with { Trigger = trigger };
        return this;
    }

    /// <summary>Keeps windows open for late elements this long after they fired.</summary>
    public JoinWindow<T1, T2, TKey, W> AllowedLateness(TimeSpan lateness)
    {
        _spec = _spec with { AllowedLateness = lateness };
        return this;
    }

    /// <summary>Emits <paramref name="join"/> of every pair with equal keys in the same window.</summary>
    public DataStream<TOut> Apply<TOut>(Func<T1, T2, TOut> join) => Apply(new LambdaJoin<TOut>(join));

    /// <summary>Emits the join function's result for every pair with equal keys in the same window.</summary>
    public DataStream<TOut> Apply<TOut>(IJoinFunction<T1, T2, TOut> function) => Apply(new JoinAsFlatJoin<TOut>(function));

    /// <summary>Runs the flat-join function on every pair with equal keys in the same window.</summary>
    public DataStream<TOut> Apply<TOut>(IFlatJoinFunction<T1, T2, TOut> function) =>
        _spec.Build("Join", new FlatJoinCoGroupFunction<T1, T2, TOut>(function));

    private sealed class LambdaJoin<TOut>(Func<T1, T2, TOut> join) : IJoinFunction<T1, T2, TOut>
    {
        public TOut Join(T1 first, T2 second) => join(first, second);
    }

    private sealed class JoinAsFlatJoin<TOut>(IJoinFunction<T1, T2, TOut> join) : RichFunction, IFlatJoinFunction<T1, T2, TOut>
    {
        private IJoinFunction<T1, T2, TOut> _join = join;

        public override void Open()
        {
            _join = FunctionCopies.PerSubtask(_join);
            FunctionCopies.Open(_join, RuntimeContext);
        }

        public override void Close() => FunctionCopies.Close(_join);

        public void Join(T1 first, T2 second, ICollector<TOut> output) => output.Collect(_join.Join(first, second));
    }
}
