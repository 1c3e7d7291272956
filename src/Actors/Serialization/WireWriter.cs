using System.Text;
using ActorStream.Graph.Serialization;
using Akka.Actor;

namespace ActorStream.Actors.Serialization;

/// <summary>
/// Writes the fields of runtime messages on top of <see cref="BinaryCoding"/> (varints, lossless
/// strings): byte arrays, counted lists, maps in ordinal key order (equal messages give equal bytes)
/// and actor refs as their serialized paths.
/// </summary>
internal sealed class WireWriter(Stream output) : BinaryWriter(output, Encoding.UTF8, leaveOpen: true)
{
    /// <summary>Writes a string that must not be null (read with <see cref="BinaryCoding.ReadRequiredString"/>).</summary>
    public void WriteRequiredString(string value) => this.WriteNullableString(value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>Writes a number or its absence.</summary>
    public void WriteOptionalLong(long? value)
    {
        Write(value.HasValue);
        if (value is { } v)
            this.WriteVarLong(v);
    }

    /// <summary>Writes a byte array that must not be null.</summary>
    public void WriteBytes(byte[] value) => WriteBytes(value.AsSpan());

    /// <summary>Writes bytes as <see cref="WriteBytes(byte[])"/> does (read back as an array).</summary>
    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        this.WriteCount(value.Length);
        Write(value);
    }

    /// <summary>Writes a time span as its ticks.</summary>
    public void WriteTimeSpan(TimeSpan value) => this.WriteVarLong(value.Ticks);

    /// <summary>Writes an actor ref as the path the receiving system resolves (empty for no sender).</summary>
    public void WriteActorRef(IActorRef actorRef) =>
        WriteRequiredString(Akka.Serialization.Serialization.SerializedActorPath(actorRef));

    /// <summary>Writes the items of <paramref name="items"/> after their count.</summary>
    public void WriteList<T>(IReadOnlyCollection<T> items, Action<WireWriter, T> write)
    {
        this.WriteCount(items.Count);
        foreach (var item in items)
            write(this, item);
    }

    /// <summary>Writes a map with string keys in ordinal key order.</summary>
    public void WriteMap<T>(IReadOnlyDictionary<string, T> map, Action<WireWriter, T> write)
    {
        this.WriteCount(map.Count);
        foreach (var (key, value) in map.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            WriteRequiredString(key);
            write(this, value);
        }
    }
}
