using ActorStream.Actors.Interop;
using Akka.Actor;

// In the API's namespace, like the runtime's environment factories: "using ActorStream.Graph;" brings these in.
namespace ActorStream.Graph;

/// <summary>Streams into the application's actors (the runtime adds these to <see cref="DataStream{T}"/>).</summary>
public static class ActorStreams
{
    /// <summary>
    /// A stream fed by the application's actors: the returned <see cref="ActorSource{T}"/>'s <c>Ref</c> (or <c>Writer()</c>)
    /// takes batches in <paramref name="system"/> and acknowledges each once the job holds it for good (see ActorSource).
    /// </summary>
    public static (DataStream<T> Stream, ActorSource<T> Source) FromActor<T>(this StreamExecutionEnvironment env, ActorSystem system, string name,
        WatermarkStrategy<T>? watermarks = null, int capacity = 10_000)
    {
        var source = ActorSource<T>.Create(system, name, capacity);
        return (env.FromSource(source, watermarks ?? WatermarkStrategy<T>.NoWatermarks(), name), source);
    }

    /// <summary>Sends each record, as <paramref name="message"/> makes it, to <paramref name="target"/>, which must reply to each (at least once).</summary>
    public static DataStreamSink<T> SinkToActor<T>(this DataStream<T> stream, IActorRef target, Func<T, object> message,
        ActorSinkOptions? options = null, string name = "Actor Sink") =>
        stream.SinkTo(new ActorSink<T>(target, message, options), name);

    /// <summary>Sends each record to the entity <paramref name="entityId"/> names through <paramref name="shardRegion"/> (at least once).</summary>
    public static DataStreamSink<T> SinkToShardRegion<T>(this DataStream<T> stream, IActorRef shardRegion, Func<T, string> entityId,
        Func<T, object> message, ActorSinkOptions? options = null, string name = "Shard Region Sink") =>
        stream.SinkTo(ActorSink<T>.ToShardRegion(shardRegion, entityId, message, options), name);
}
