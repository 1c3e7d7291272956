using ActorStream.Graph.Operators;

namespace ActorStream.Graph;

/// <summary>An interval join of two keyed streams, waiting for its bounds: <c>left.IntervalJoin(right).Between(lower, upper)</c>.</summary>
public sealed class IntervalJoin<TLeft, TRight, TKey>(KeyedStream<TLeft, TKey> left, KeyedStream<TRight, TKey> right) where TKey : notnull
{
    /// <summary>Joins pairs with right.ts in [left.ts + <paramref name="lower"/>, left.ts + <paramref name="upper"/>].</summary>
    public IntervalJoined<TLeft, TRight, TKey> Between(TimeSpan lower, TimeSpan upper)
    {
        if (lower > upper)
            throw new ArgumentException($"The lower bound ({lower}) must not be above the upper bound ({upper}).", nameof(lower));
        return new IntervalJoined<TLeft, TRight, TKey>(left, right, (long)lower.TotalMilliseconds, (long)upper.TotalMilliseconds);
    }
}

/// <summary>An interval join with its bounds; set exclusivity and late-data outputs, then <see cref="Process{TOut}"/>.</summary>
public sealed class IntervalJoined<TLeft, TRight, TKey> where TKey : notnull
{
    private readonly KeyedStream<TLeft, TKey> _left;
    private readonly KeyedStream<TRight, TKey> _right;
    private readonly long _lower;
    private readonly long _upper;
    private bool _lowerExclusive;
    private bool _upperExclusive;
    private OutputTag<TLeft>? _leftLate;
    private OutputTag<TRight>? _rightLate;

    internal IntervalJoined(KeyedStream<TLeft, TKey> left, KeyedStream<TRight, TKey> right, long lower, long upper)
    {
        _left = left;
        _right = right;
        _lower = lower;
        _upper = upper;
    }

    /// <summary>Excludes the lower bound itself.</summary>
    public IntervalJoined<TLeft, TRight, TKey> LowerBoundExclusive()
    {
        _lowerExclusive = true;
        return this;
    }

    /// <summary>Excludes the upper bound itself.</summary>
    public IntervalJoined<TLeft, TRight, TKey> UpperBoundExclusive()
    {
        _upperExclusive = true;
        return this;
    }

    /// <summary>Sends left elements that arrive behind the watermark to <paramref name="tag"/> instead of dropping them.</summary>
    public IntervalJoined<TLeft, TRight, TKey> SideOutputLeftLateData(OutputTag<TLeft> tag)
    {
        _leftLate = tag;
        return this;
    }

    /// <summary>Sends right elements that arrive behind the watermark to <paramref name="tag"/> instead of dropping them.</summary>
    public IntervalJoined<TLeft, TRight, TKey> SideOutputRightLateData(OutputTag<TRight> tag)
    {
        _rightLate = tag;
        return this;
    }

    /// <summary>Runs <paramref name="function"/> on every matched pair.</summary>
    public DataStream<TOut> Process<TOut>(ProcessJoinFunction<TLeft, TRight, TOut> function)
    {
        var bounds = new IntervalJoinBounds(_lowerExclusive ? _lower + 1 : _lower, _upperExclusive ? _upper - 1 : _upper, _leftLate, _rightLate);
        if (bounds.Lower > bounds.Upper)
            throw new ArgumentException("With exclusive ends the interval is empty; widen the bounds.");
        var (left, right) = (_left, _right);
        return ConnectedStreams<TLeft, TRight>.TwoInput<TLeft, TRight, TOut>(left, right, "IntervalJoin",
            () => new IntervalJoinOperator<TKey, TLeft, TRight, TOut>(function, bounds, left.KeySelector, right.KeySelector), isKeyed: true);
    }
}
