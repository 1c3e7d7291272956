namespace ActorStream.Graph;

/// <summary>Names a side output of type <typeparamref name="T"/>; tags are equal when their ids are.</summary>
public sealed class OutputTag<T>(string id) : OutputTag(id, typeof(T));

/// <summary>The untyped view of an <see cref="OutputTag{T}"/>.</summary>
public abstract class OutputTag : IEquatable<OutputTag>
{
    private protected OutputTag(string id, Type type)
    {
        if (string.IsNullOrWhiteSpace(id))
            throw new ArgumentException("An OutputTag needs a non-empty id.", nameof(id));
        Id = id;
        ElementType = type;
    }

    /// <summary>The tag's id, unique within a job.</summary>
    public string Id { get; }

    /// <summary>The type of the side output's elements.</summary>
    public Type ElementType { get; }

    /// <inheritdoc />
    public bool Equals(OutputTag? other) => other is not null && other.Id == Id && other.ElementType == ElementType;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as OutputTag);

    /// <inheritdoc />
    public override int GetHashCode() => Id.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => $"OutputTag({Id})";
}
