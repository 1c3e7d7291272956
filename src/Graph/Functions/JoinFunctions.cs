namespace ActorStream.Graph;

/// <summary>Combines a pair of elements that a window join matched.</summary>
public interface IJoinFunction<in TFirst, in TSecond, out TOut>
{
    /// <summary>The result for one matched pair.</summary>
    TOut Join(TFirst first, TSecond second);
}

/// <summary>Emits zero or more results for a pair of elements that a window join matched.</summary>
public interface IFlatJoinFunction<in TFirst, in TSecond, out TOut>
{
    /// <summary>Emits the results for one matched pair.</summary>
    void Join(TFirst first, TSecond second, ICollector<TOut> output);
}

/// <summary>Receives, per key and window, all elements of both streams (either side may be empty).</summary>
public interface ICoGroupFunction<in TFirst, in TSecond, out TOut>
{
    /// <summary>Emits the results for one key's elements of one window.</summary>
    void CoGroup(IEnumerable<TFirst> first, IEnumerable<TSecond> second, ICollector<TOut> output);
}
