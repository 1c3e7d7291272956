using System.Runtime.Serialization;

namespace ActorStream.Actors.Serialization;

/// <summary>
/// The table of runtime messages with a fixed manifest: for each message type its manifest, how to
/// write it and how to read it back. Built once; read concurrently afterwards.
/// </summary>
internal sealed class MessageCodecs
{
    private readonly Dictionary<Type, (string Manifest, Action<WireWriter, object> Write)> _byType = [];
    private readonly Dictionary<string, Func<WireReader, object>> _byManifest = new(StringComparer.Ordinal);

    /// <summary>Every message type in the table.</summary>
    public IReadOnlyCollection<Type> Types => _byType.Keys;

    /// <summary>Adds <typeparamref name="T"/> under <paramref name="manifest"/>; a manifest or type can only be added once.</summary>
    public MessageCodecs Add<T>(string manifest, Action<WireWriter, T> write, Func<WireReader, T> read) where T : notnull
    {
        if (_byManifest.ContainsKey(manifest) || _byType.ContainsKey(typeof(T)))
            throw new InvalidOperationException($"Manifest '{manifest}' or type {typeof(T).Name} is already in the runtime message table.");
        _byType.Add(typeof(T), (manifest, (writer, message) => write(writer, (T)message)));
        _byManifest.Add(manifest, reader => read(reader));
        return this;
    }

    /// <summary>Adds a message without fields: nothing is written, <paramref name="instance"/> is read back.</summary>
    public MessageCodecs AddSingleton<T>(string manifest, T instance) where T : notnull =>
        Add<T>(manifest, static (_, _) => { }, _ => instance);

    /// <summary>The manifest of <paramref name="message"/>'s type, or null when the table does not have it.</summary>
    public string? ManifestOf(object message) => _byType.TryGetValue(message.GetType(), out var entry) ? entry.Manifest : null;

    /// <summary>Writes <paramref name="message"/>; false when the table does not have its type.</summary>
    public bool TryWrite(WireWriter writer, object message)
    {
        if (!_byType.TryGetValue(message.GetType(), out var entry))
            return false;
        entry.Write(writer, message);
        return true;
    }

    /// <summary>Reads the message of <paramref name="manifest"/>.</summary>
    public object Read(WireReader reader, string manifest) =>
        _byManifest.TryGetValue(manifest, out var read) ? read(reader)
            : throw new SerializationException($"Unknown manifest '{manifest}' for {nameof(RuntimeSerializer)}.");
}
