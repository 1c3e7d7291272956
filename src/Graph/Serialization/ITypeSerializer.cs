namespace ActorStream.Graph.Serialization;

/// <summary>
/// Writes and reads values of one type for checkpoints and the network (Flink's TypeSerializer).
/// Must be deterministic and must not depend on the process (no reference identity, no per-process hashes).
/// </summary>
public interface ITypeSerializer<T>
{
    /// <summary>Writes <paramref name="value"/>.</summary>
    void Serialize(T value, BinaryWriter writer);

    /// <summary>Reads a value written by <see cref="Serialize"/>.</summary>
    T Deserialize(BinaryReader reader);
}
