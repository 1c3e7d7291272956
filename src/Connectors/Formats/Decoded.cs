namespace ActorStream.Connectors.Formats;

/// <summary>The result of decoding one line: a value, or a message saying why the line is invalid.</summary>
public readonly record struct Decoded<T>
{
    private readonly T? _value;

    private Decoded(bool isSuccess, T? value, string? error)
    {
        IsSuccess = isSuccess;
        _value = value;
        Error = error;
    }

    /// <summary>True when the line decoded into <see cref="Value"/>.</summary>
    public bool IsSuccess { get; }

    /// <summary>The decoded value; throws when decoding failed.</summary>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"The line did not decode: {Error}");

    /// <summary>Why decoding failed, or null on success.</summary>
    public string? Error { get; }

    /// <summary>A successful result.</summary>
    public static Decoded<T> Success(T value) => new(true, value, null);

    /// <summary>A failed result with a message for people.</summary>
    public static Decoded<T> Failure(string error) => new(false, default, error);

    /// <inheritdoc />
    public override string ToString() => IsSuccess ? $"Success({_value})" : $"Failure({Error})";
}
