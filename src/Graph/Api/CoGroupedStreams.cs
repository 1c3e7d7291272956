using ActorStream.Graph.Windowing;

namespace ActorStream.Graph;

/// <summary>Two streams to co-group per key and window: <c>a.CoGroup(b).Where(ka).EqualTo(kb).Window(w).Apply(f)</c>.</summary>
public sealed class CoGroupedStreams<T1, T2>(DataStream<T1> first, DataStream<T2> second)
{
    /// <summary>The key of the first stream's elements.</summary>
    public WithKey<TKey> Where<TKey>(Func<T1, TKey> keySelector) where TKey : notnull => new(first, second, keySelector);

    /// <summary>A co-group that knows the first stream's key.</summary>
    public sealed class WithKey<TKey>(DataStream<T1> first, DataStream<T2> second, Func<T1, TKey> key1) where TKey : notnull
    {
        /// <summary>The key of the second stream's elements: elements with equal keys meet.</summary>
        public WithKeys<TKey> EqualTo(Func<T2, TKey> keySelector) => new(first, second, key1, keySelector);
    }

    /// <summary>A co-group that knows both keys.</summary>
    public sealed class WithKeys<TKey>(DataStream<T1> first, DataStream<T2> second, Func<T1, TKey> key1, Func<T2, TKey> key2)
        where TKey : notnull
    {
        /// <summary>The windows both streams are cut into.</summary>
        public CoGroupWindow<T1, T2, TKey, W> Window<W>(WindowAssigner<W> assigner) where W : Window =>
            new(new TwoStreamWindowSpec<T1, T2, TKey, W>(first, second, key1, key2, assigner));
    }
}

/// <summary>A windowed co-group, ready for its function.</summary>
public sealed class CoGroupWindow<T1, T2, TKey, W> where TKey : notnull where W : Window
{
    private TwoStreamWindowSpec<T1, T2, TKey, W> _spec;

    internal CoGroupWindow(TwoStreamWindowSpec<T1, T2, TKey, W> spec) => _spec = spec;

    /// <summary>Replaces the assigner's default trigger.</summary>
    public CoGroupWindow<T1, T2, TKey, W> Trigger(Trigger trigger)
    {
        _spec = _spec with { Trigger = trigger };
        return this;
    }

    /// <summary>Keeps windows open for late elements this long after they fired.</summary>
    public CoGroupWindow<T1, T2, TKey, W> AllowedLateness(TimeSpan lateness)
    {
        _spec = _spec with { AllowedLateness = lateness };
        return this;
    }

    /// <summary>Calls <paramref name="coGroup"/> once per key and window with both sides' elements.</summary>
    public DataStream<TOut> Apply<TOut>(Action<IEnumerable<T1>, IEnumerable<T2>, ICollector<TOut>> coGroup) =>
        Apply(new LambdaCoGroup<TOut>(coGroup));

    /// <summary>Calls <paramref name="function"/> once per key and window with both sides' elements.</summary>
    public DataStream<TOut> Apply<TOut>(ICoGroupFunction<T1, T2, TOut> function) => _spec.Build("CoGroup", function);

    private sealed class LambdaCoGroup<TOut>(Action<IEnumerable<T1>, IEnumerable<T2>, ICollector<TOut>> coGroup)
        : ICoGroupFunction<T1, T2, TOut>
    {
        public void CoGroup(IEnumerable<T1> first, IEnumerable<T2> second, ICollector<TOut> output) => coGroup(first, second, output);
    }
}
