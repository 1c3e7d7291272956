using System.Text;
using ActorStream.Graph.Serialization;
using Akka.Actor;

namespace ActorStream.Actors.Serialization;

/// <summary>Reads what <see cref="WireWriter"/> wrote; actor refs are resolved by the receiving <paramref name="system"/>.</summary>
internal sealed class WireReader(Stream input, ExtendedActorSystem system) : BinaryReader(input, Encoding.UTF8, leaveOpen: true)
{
    // Counts come off the wire: a corrupt one must fail on the missing data, not allocate gigabytes first.
    private const int MaxPresize = 1024;

    /// <summary>Reads a number or its absence.</summary>
    public long? ReadOptionalLong() => ReadBoolean() ? this.ReadVarLong() : null;

    /// <summary>Reads a byte array that must not be null.</summary>
    public byte[] ReadByteArray() => this.ReadExactBytes(this.ReadCount());

    /// <summary>Reads a time span.</summary>
    public TimeSpan ReadTimeSpan() => new(this.ReadVarLong());

    /// <summary>Reads an actor ref and resolves it in this system (refs to other nodes become remote refs; no sender becomes Nobody).</summary>
    public IActorRef ReadActorRef()
    {
        var path = this.ReadRequiredString();
        return path.Length == 0 ? ActorRefs.Nobody : system.Provider.ResolveActorRef(path);
    }

    /// <summary>Reads a counted list.</summary>
    public List<T> ReadList<T>(Func<WireReader, T> read)
    {
        var count = this.ReadCount();
        var list = new List<T>(Math.Min(count, MaxPresize));
        for (var i = 0; i < count; i++)
            list.Add(read(this));
        return list;
    }

    /// <summary>Reads a map with string keys (ordinal comparison).</summary>
    public Dictionary<string, T> ReadMap<T>(Func<WireReader, T> read)
    {
        var count = this.ReadCount();
        var map = new Dictionary<string, T>(Math.Min(count, MaxPresize), StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = this.ReadRequiredString();
            map.Add(key, read(this));
        }
        return map;
    }
}
