using ActorStream.Graph.Serialization;
using Akka.Actor;

namespace ActorStream.Actors.Serialization;

/// <summary>One part of a runtime message too large for one Akka.Remote frame; see <see cref="MessageParts"/>.</summary>
public sealed record MessagePart(Guid TransferId, int Index, int Count, string Manifest, byte[] Bytes);

/// <summary>
/// Akka.Remote drops a message larger than its frame. The runtime messages that grow with user
/// state (checkpoint acknowledgements, deployments that carry the restored
/// checkpoint) go through here: when their wire form is larger than half a frame they travel as
/// <see cref="MessagePart"/>s, sent in order to the same receiver, which puts them together again
/// with a <see cref="MessageAssembler"/>. Smaller messages are sent as they are. (Key-group writes,
/// the largest, have parts of their own that need no serializing: <see cref="State.KeyGroupWriteParts"/>.)
/// </summary>
internal sealed class MessageParts(ActorSystem system, int maxPartBytes)
{
    private readonly RuntimeSerializer _serializer = new((ExtendedActorSystem)system);

    /// <summary>
    /// Passes <paramref name="message"/> to <paramref name="send"/>, whole or in parts. A caller that
    /// knows the message is small (<paramref name="knownBytes"/> well under a part) skips measuring it.
    /// </summary>
    public void Send(object message, Action<object> send, long? knownBytes = null)
    {
        if (knownBytes is { } known && known < maxPartBytes / 2)
        {
            send(message);
            return;
        }
        var bytes = _serializer.ToBinary(message);
        if (bytes.Length <= maxPartBytes)
        {
            send(message);
            return;
        }
        var manifest = _serializer.Manifest(message);
        var transfer = Guid.NewGuid();
        var count = (bytes.Length + maxPartBytes - 1) / maxPartBytes;
        for (var index = 0; index < count; index++)
        {
            var offset = index * maxPartBytes;
            send(new MessagePart(transfer, index, count, manifest, bytes[offset..Math.Min(bytes.Length, offset + maxPartBytes)]));
        }
    }
}

/// <summary>
/// Puts <see cref="MessagePart"/>s together again in the receiving actor. A transfer whose parts were
/// lost never completes (the sender's timeout or retry covers it); only a few are kept.
/// </summary>
internal sealed class MessageAssembler(ActorSystem system)
{
    private const int MaxOpenTransfers = 8;
    private readonly RuntimeSerializer _serializer = new((ExtendedActorSystem)system);
    private readonly Dictionary<Guid, byte[]?[]> _open = [];
    private readonly Queue<Guid> _order = new();

    /// <summary>Keeps <paramref name="part"/>; returns the whole message once its last part arrived, else null.</summary>
    public object? Add(MessagePart part)
    {
        if (!_open.TryGetValue(part.TransferId, out var parts))
        {
            while (_open.Count >= MaxOpenTransfers && _order.TryDequeue(out var oldest))
                _open.Remove(oldest);
            _open.Add(part.TransferId, parts = new byte[part.Count][]);
            _order.Enqueue(part.TransferId);
        }
        parts[part.Index] = part.Bytes;
        if (Array.IndexOf(parts, null) >= 0)
            return null;
        _open.Remove(part.TransferId);
        var whole = new byte[parts.Sum(p => p!.Length)];
        var offset = 0;
        foreach (var bytes in parts)
        {
            bytes!.CopyTo(whole, offset);
            offset += bytes.Length;
        }
        return _serializer.FromBinary(whole, part.Manifest);
    }
}

/// <summary>The wire form of <see cref="MessagePart"/>.</summary>
internal static class MessagePartMessages
{
    /// <summary>Adds <see cref="MessagePart"/> to <paramref name="codecs"/>.</summary>
    public static MessageCodecs AddMessageParts(this MessageCodecs codecs) => codecs
        .Add<MessagePart>("MP",
            static (w, m) => { w.Write(m.TransferId.ToByteArray()); w.WriteVarInt(m.Index); w.WriteVarInt(m.Count); w.WriteRequiredString(m.Manifest); w.WriteBytes(m.Bytes); },
            static r => new MessagePart(new Guid(r.ReadExactBytes(16)), r.ReadVarInt(), r.ReadVarInt(), r.ReadRequiredString(), r.ReadByteArray()));
}
