using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Operators.Windowing;

/// <summary>Splits a window of tagged elements back into the two streams and calls the co-group function.</summary>
internal sealed class CoGroupWindowFunction<T1, T2, TKey, TOut, W>(ICoGroupFunction<T1, T2, TOut> function)
    : ProcessWindowFunction<TaggedUnion<T1, T2>, TOut, TKey, W> where W : Window
{
    private ICoGroupFunction<T1, T2, TOut> _function = function;

    public override void Open()
    {
        // This wrapper is copied per subtask, but shallowly: give each subtask its own user function too.
        _function = FunctionCopies.PerSubtask(_function);
        FunctionCopies.Open(_function, RuntimeContext);
    }

    public override void Close() => FunctionCopies.Close(_function);

    public override void Process(TKey key, Context context, IEnumerable<TaggedUnion<T1, T2>> elements, ICollector<TOut> output)
    {
        var first = new List<T1>();
        var second = new List<T2>();
        foreach (var element in elements)
        {
            if (element.IsOne)
                first.Add(element.One);
            else
                second.Add(element.Two);
        }
        _function.CoGroup(first, second, output);
    }
}

/// <summary>A window join as a co-group: every pair of the window's two sides (Flink's JoinCoGroupFunction).</summary>
internal sealed class FlatJoinCoGroupFunction<T1, T2, TOut>(IFlatJoinFunction<T1, T2, TOut> join) : RichFunction, ICoGroupFunction<T1, T2, TOut>
{
    private IFlatJoinFunction<T1, T2, TOut> _join = join;

    public override void Open()
    {
        _join = FunctionCopies.PerSubtask(_join);
        FunctionCopies.Open(_join, RuntimeContext);
    }

    public override void Close() => FunctionCopies.Close(_join);

    public void CoGroup(IEnumerable<T1> first, IEnumerable<T2> second, ICollector<TOut> output)
    {
        var right = second as IReadOnlyList<T2> ?? [.. second];
        foreach (var a in first)
        {
            foreach (var b in right)
                _join.Join(a, b, output);
        }
    }
}
