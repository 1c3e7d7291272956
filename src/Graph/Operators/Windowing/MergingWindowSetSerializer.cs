using ActorStream.Graph.Serialization;
using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Operators.Windowing;

/// <summary>
/// Writes a key's <see cref="MergingWindowSet{W}"/>: a version byte, the count, then each in-flight window and its
/// state window. The version lets the layout change later without misreading older checkpoints.
/// </summary>
internal sealed class MergingWindowSetSerializer<W>(ITypeSerializer<W> windows) : ITypeSerializer<MergingWindowSet<W>> where W : Window
{
    private const byte Version = 1;

    /// <inheritdoc />
    public void Serialize(MergingWindowSet<W> value, BinaryWriter writer)
    {
        writer.Write(Version);
        writer.WriteCount(value.Count);
        for (var i = 0; i < value.Count; i++)
        {
            windows.Serialize(value.WindowAt(i), writer);
            windows.Serialize(value.StateWindowAt(i), writer);
        }
    }

    /// <inheritdoc />
    public MergingWindowSet<W> Deserialize(BinaryReader reader)
    {
        if (reader.ReadByte() is var version && version != Version)
            throw new InvalidDataException($"Unknown merging-window set version {version}.");
        var count = reader.ReadCount();
        var set = new MergingWindowSet<W>(Math.Max(count, 2));
        for (var i = 0; i < count; i++)
        {
            var window = windows.Deserialize(reader);
            set.Put(window, windows.Deserialize(reader));
        }
        return set;
    }
}
