using ActorStream.Actors.Interop;
using Akka.Actor;

// In the API's namespace, like the runtime's environment factories: "using ActorStream.Graph;" brings these in.
namespace ActorStream.Graph;

/// <summary>Streams into the application's actors (the runtime adds these to <see cref="DataStream{T}"/>).</summary>
public static class ActorStreams
{
    /// <summary>Sends each record, as <paramref name="message"/> makes it, to <paramref name="target"/>, which must reply to each (at least once).</summary>
    public static DataStreamSink<T> SinkToActor<T>(this DataStream<T> stream, IActorRef target, Func<T, object> message,
        ActorSinkOptions? options = null, string name = "Actor Sink") =>
        stream.SinkTo(new ActorSink<T>(target, message, options), name);

    /// <summary>Sends each record to the entity <paramref name="entityId"/> names through <paramref name="shardRegion"/> (at least once).</summary>
    public static DataStreamSink<T> SinkToShardRegion<T>(this DataStream<T> stream, IActorRef shardRegion, Func<T, string> entityId,
        Func<T, object> message, ActorSinkOptions? options = null, string name = "Shard Region Sink") =>
        stream.SinkTo(ActorSink<T>.ToShardRegion(shardRegion, entityId, message, options), name);
}
