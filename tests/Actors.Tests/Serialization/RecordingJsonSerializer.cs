using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Serialization;

namespace ActorStream.Actors.Tests.Serialization;

/// <summary>
/// Akka's JSON fallback (the serializer bound to System.Object), recording the type of everything it
/// serializes, so a spec can show that no ActorStream message took that path.
/// </summary>
public sealed class RecordingJsonSerializer(ExtendedActorSystem system, Akka.Configuration.Config config) : NewtonSoftJsonSerializer(system, config)
{
    private static readonly ConcurrentDictionary<Type, int> Seen = new();

    /// <summary>The HOCON that puts this serializer in place of Akka's JSON serializer.</summary>
    public const string Config = """
        akka.actor.serializers.json = "ActorStream.Actors.Tests.Serialization.RecordingJsonSerializer, ActorStream.Actors.Tests"
        akka.actor.serialization-identifiers."ActorStream.Actors.Tests.Serialization.RecordingJsonSerializer, ActorStream.Actors.Tests" = 1
        """;

    /// <summary>Every type serialized with JSON so far in this process, with how often.</summary>
    public static IReadOnlyDictionary<Type, int> SeenTypes => Seen;

    /// <inheritdoc />
    public override byte[] ToBinary(object? obj)
    {
        if (obj is not null)
            Seen.AddOrUpdate(obj.GetType(), 1, static (_, n) => n + 1);
        return base.ToBinary(obj);
    }
}
