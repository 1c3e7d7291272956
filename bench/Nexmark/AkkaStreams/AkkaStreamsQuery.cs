using ActorStream.Bench.Nexmark.Model;
using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace ActorStream.Bench.Nexmark.AkkaStreams;

/// <summary>A Nexmark query written on plain Akka.Streams, the way a .NET developer would today: the akka-streams baseline.</summary>
public abstract class AkkaStreamsQuery
{
    /// <summary>The query's name as the reference spells it: "q0", "q1", ...</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Runs the query over <paramref name="events"/> to its end with <paramref name="materializer"/>, writing the result
    /// rows as the loop does (JSON lines into <paramref name="outputDirectory"/> when given); returns their number.
    /// </summary>
    public abstract Task<long> RunAsync(Source<Event, NotUsed> events, IMaterializer materializer, string? outputDirectory);
}
