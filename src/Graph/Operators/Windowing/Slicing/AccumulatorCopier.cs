using System.Runtime.CompilerServices;
using ActorStream.Graph.Serialization;

namespace ActorStream.Graph.Operators.Windowing.Slicing;

/// <summary>
/// Deep copies of slice accumulators for merging: a user's merge or reduce may change the value it is given, and a
/// slice is merged into several windows. Values without references (numbers, structs of numbers) and strings cannot be
/// changed through a merge, so they pass as they are; anything else goes through its serializer.
/// </summary>
internal sealed class AccumulatorCopier<T>
{
    private static readonly bool Immutable = !RuntimeHelpers.IsReferenceOrContainsReferences<T>() || typeof(T) == typeof(string);

    private readonly ITypeSerializer<T>? _serializer = Immutable ? null : TypeSerializers.Get<T>();
    private readonly MemoryStream _buffer = new();

    /// <summary>A value equal to <paramref name="value"/> that shares nothing mutable with it.</summary>
    public T Copy(T value)
    {
        if (_serializer is null || value is null)
            return value;
        _buffer.SetLength(0);
        using (var writer = new BinaryWriter(_buffer, System.Text.Encoding.UTF8, leaveOpen: true))
            _serializer.Serialize(value, writer);
        _buffer.Position = 0;
        using var reader = new BinaryReader(_buffer, System.Text.Encoding.UTF8, leaveOpen: true);
        return _serializer.Deserialize(reader);
    }
}
