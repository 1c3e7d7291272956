using ActorStream.Graph.Keys;
using Akka.Cluster.Sharding;

namespace ActorStream.Actors.Node;

/// <summary>
/// Routes messages to shards by a hash of the entity id that is the same on every node
/// (string.GetHashCode is randomized per process, so it cannot be used here). ActorStream sends
/// every entity message in a <see cref="ShardingEnvelope"/>, which sharding unwraps itself and
/// routes through <see cref="ShardId(string, object?)"/>.
/// </summary>
internal sealed class StableMessageExtractor(int maxShards) : IMessageExtractor
{
    public string? EntityId(object message) => null;

    public object EntityMessage(object message) => message;

    public string ShardId(object message) =>
        throw new ArgumentException($"Cannot route {message.GetType().Name}: send it in a ShardingEnvelope.");

    public string ShardId(string entityId, object? messageHint = null) =>
        (MurmurHash.Hash(StableKeyHash<string>.Hash(entityId)) % maxShards).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
