using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Operators;

/// <summary>A rolling keyed aggregation: how the first value starts an accumulator, how later ones add, what is emitted.</summary>
public sealed record KeyedAggregation<TIn, TKey, TAcc, TOut>(
    Func<TIn, TAcc> First,
    Func<TAcc, TIn, TAcc> Add,
    Func<TKey, TAcc, TOut> Result)
{
    /// <summary>The user function behind the delegates (this subtask's copy), opened and closed with the operator.</summary>
    public object? UserFunction { get; init; }
}

/// <summary>
/// Runs Reduce, Sum, Min, Max, MinBy and MaxBy on a keyed stream. In STREAMING mode it emits the
/// updated result for every input; in BATCH mode only each key's final result, at end of input.
/// </summary>
public sealed class KeyedAggregationOperator<TIn, TKey, TAcc, TOut>(
    KeyedAggregation<TIn, TKey, TAcc, TOut> aggregation, Func<TIn, TKey> keySelector)
    : KeyedUdfOperator<TIn, TKey, TOut, KeyedAggregation<TIn, TKey, TAcc, TOut>>(aggregation, keySelector)
    where TKey : notnull
{
    private const string StateName = "_aggregate";
    private IValueState<TAcc>? _accumulator;
    private bool _emitEveryUpdate;

    /// <inheritdoc />
    public override void Open()
    {
        base.Open();
        _emitEveryUpdate = Context.RuntimeMode != RuntimeExecutionMode.Batch;
        _accumulator = Backend.GetState(new ValueStateDescriptor<TAcc>(StateName));
        if (Function.UserFunction is { } user)
            FunctionCopies.Open(user, new StreamingRuntimeContext(Context, Backend));
    }

    /// <inheritdoc />
    public override void Close()
    {
        if (Function.UserFunction is { } user)
            FunctionCopies.Close(user);
        base.Close();
    }

    /// <inheritdoc />
    protected override void ProcessKeyed(in StreamRecord<TIn> record, TKey key)
    {
        var next = _accumulator!.TryGetValue(out var current)
            ? Function.Add(current, record.Value)
            : Function.First(record.Value);
        _accumulator.Update(next);
        if (_emitEveryUpdate)
            Output.Collect(new StreamRecord<TOut>(Function.Result(key, next), record.Timestamp));
    }

    /// <inheritdoc />
    public override void EndInput()
    {
        if (_emitEveryUpdate)
            return;
        foreach (var key in Backend.GetKeys(StateName))
        {
            Backend.SetCurrentKey(key);
            Output.Collect(new StreamRecord<TOut>(Function.Result(key, _accumulator!.Value()), StreamRecord<TOut>.NoTimestamp));
        }
    }
}
