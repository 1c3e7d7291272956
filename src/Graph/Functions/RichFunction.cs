namespace ActorStream.Graph;

/// <summary>
/// Base of functions with a lifecycle and access to the runtime context. Each parallel subtask
/// runs its own (shallow) copy of the function object: initialise per-subtask fields and state
/// handles in <see cref="Open"/>, not in the constructor.
/// </summary>
public abstract class RichFunction
{
    private IRuntimeContext? _runtimeContext;

    /// <summary>The context of the subtask running this function; available from <see cref="Open"/> on.</summary>
    public IRuntimeContext RuntimeContext =>
        _runtimeContext ?? throw new InvalidOperationException("The runtime context is available from Open() on.");

    /// <summary>Called once per subtask before the first element.</summary>
    public virtual void Open() { }

    /// <summary>Called once per subtask after the last element, also when the job fails.</summary>
    public virtual void Close() { }

    internal void SetRuntimeContext(IRuntimeContext context) => _runtimeContext = context;
}

/// <summary>A map function with a lifecycle and runtime context.</summary>
public abstract class RichMapFunction<TIn, TOut> : RichFunction, IMapFunction<TIn, TOut>
{
    /// <inheritdoc />
    public abstract TOut Map(TIn value);
}

/// <summary>A flatMap function with a lifecycle and runtime context.</summary>
public abstract class RichFlatMapFunction<TIn, TOut> : RichFunction, IFlatMapFunction<TIn, TOut>
{
    /// <inheritdoc />
    public abstract void FlatMap(TIn value, ICollector<TOut> output);
}

/// <summary>A filter function with a lifecycle and runtime context.</summary>
public abstract class RichFilterFunction<T> : RichFunction, IFilterFunction<T>
{
    /// <inheritdoc />
    public abstract bool Filter(T value);
}
