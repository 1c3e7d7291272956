namespace ActorStream.Graph.Serialization;

/// <summary>A serializer made of two functions, for the fixed-format built-ins.</summary>
internal sealed class DelegateSerializer<T>(Action<T, BinaryWriter> write, Func<BinaryReader, T> read) : ITypeSerializer<T>
{
    public void Serialize(T value, BinaryWriter writer) => write(value, writer);

    public T Deserialize(BinaryReader reader) => read(reader);
}
