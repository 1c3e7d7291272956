using System.Collections.Concurrent;
using System.Runtime.Serialization;
using Akka.Actor;

namespace ActorStream.Actors.Tests.Serialization;

/// <summary>
/// Hands named third-party messages over by reference on a node that verifies the serialization of
/// every message. Akka.Persistence.Sql's journal tells itself WriteFinished (it carries the write's
/// Task) without marking it INoSerializationVerificationNeeded; JSON cannot serialize a Task, so every
/// such message would fail slowly and be dropped. Only for Akka's own local messages, never ActorStream's.
/// </summary>
public sealed class PassByReferenceSerializer(ExtendedActorSystem system) : Akka.Serialization.Serializer(system)
{
    private static readonly ConcurrentDictionary<long, object> InFlight = new();
    private static long _next;

    /// <summary>The HOCON that binds the third-party local messages to this serializer.</summary>
    public const string Config = """
        akka.actor.serializers.pass-by-reference = "ActorStream.Actors.Tests.Serialization.PassByReferenceSerializer, ActorStream.Actors.Tests"
        akka.actor.serialization-bindings {
          "Akka.Persistence.Sql.Journal.Types.WriteFinished, Akka.Persistence.Sql" = pass-by-reference
        }
        """;

    /// <inheritdoc />
    public override int Identifier => 4299;

    /// <inheritdoc />
    public override bool IncludeManifest => false;

    /// <inheritdoc />
    public override byte[] ToBinary(object obj)
    {
        var id = Interlocked.Increment(ref _next);
        InFlight[id] = obj;
        return BitConverter.GetBytes(id);
    }

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, Type type) =>
        InFlight.TryRemove(BitConverter.ToInt64(bytes), out var message) ? message : throw new SerializationException("Unknown message handle.");
}
