using ActorStream.Graph.Operators.Windowing;
using ActorStream.Graph.Windowing;

namespace ActorStream.Graph;

/// <summary>
/// What a window join or co-group is built from. Like Flink's CoGroupedStreams, both streams are
/// tagged, unioned, keyed and windowed as one stream, and each window is split back into its two
/// sides for the co-group function.
/// </summary>
internal sealed record TwoStreamWindowSpec<T1, T2, TKey, W>(
    DataStream<T1> First, DataStream<T2> Second, Func<T1, TKey> Key1, Func<T2, TKey> Key2, WindowAssigner<W> Assigner)
    where TKey : notnull where W : Window
{
    public Trigger? Trigger { get; init; }

    public TimeSpan? AllowedLateness { get; init; }

    public DataStream<TOut> Build<TOut>(string name, ICoGroupFunction<T1, T2, TOut> function)
    {
        var (key1, key2) = (Key1, Key2);
        var tagged = First.Map(TaggedUnion<T1, T2>.First).Name($"{name}: tag first")
            .Union(Second.Map(TaggedUnion<T1, T2>.Second).Name($"{name}: tag second"));
        var windowed = tagged.KeyBy(u => u.IsOne ? key1(u.One) : key2(u.Two)).Window(Assigner);
        if (Trigger is { } trigger)
            windowed = windowed.Trigger(trigger);
        if (AllowedLateness is { } lateness)
            windowed = windowed.AllowedLateness(lateness);
        return windowed.Process(new CoGroupWindowFunction<T1, T2, TKey, TOut, W>(function)).Name(name);
    }
}
