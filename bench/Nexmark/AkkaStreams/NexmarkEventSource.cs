using ActorStream.Bench.Nexmark.Generator;
using ActorStream.Bench.Nexmark.Model;
using Akka;
using Akka.Streams.Dsl;

namespace ActorStream.Bench.Nexmark.AkkaStreams;

/// <summary>The Nexmark events as an Akka.Streams source: the same events, in the same order, as the loop reads.</summary>
public static class NexmarkEventSource
{
    /// <summary>Events 0 to <paramref name="count"/> - 1 of <paramref name="generator"/>, generated as they are pulled.</summary>
    public static Source<Event, NotUsed> Create(NexmarkGenerator generator, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Source.From(Indices(count)).Select(generator.Generate).Named("nexmark-events");
    }

    private static IEnumerable<long> Indices(long count)
    {
        for (long i = 0; i < count; i++)
            yield return i;
    }
}
