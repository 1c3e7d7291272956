namespace ActorStream.Graph.Runtime;

/// <summary>A generic computation the runtime applies to a stream's element type without reflection.</summary>
public interface IStreamTypeFunc<out TResult>
{
    /// <summary>Runs the computation for element type <typeparamref name="T"/>.</summary>
    TResult Invoke<T>();
}

/// <summary>The element type of a stream, as a value the runtime can dispatch on.</summary>
public abstract class StreamType
{
    /// <summary>The CLR type of the elements.</summary>
    public abstract Type ClrType { get; }

    /// <summary>Applies <paramref name="func"/> with the element type as its type argument.</summary>
    public abstract TResult Apply<TResult>(IStreamTypeFunc<TResult> func);

    /// <inheritdoc />
    public override string ToString() => TypeNames.Readable(ClrType);
}

/// <summary>The stream type of <typeparamref name="T"/>.</summary>
public sealed class StreamType<T> : StreamType
{
    /// <summary>The single instance.</summary>
    public static readonly StreamType<T> Instance = new();

    private StreamType() { }

    /// <inheritdoc />
    public override Type ClrType => typeof(T);

    /// <inheritdoc />
    public override TResult Apply<TResult>(IStreamTypeFunc<TResult> func) => func.Invoke<T>();
}
