using ActorStream.Bench.Nexmark.Model;
using ActorStream.Bench.Nexmark.Sinks;
using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace ActorStream.Bench.Nexmark.AkkaStreams;

/// <summary>A query with result rows of type <typeparamref name="TResult"/>: subclasses give the flow from events to rows.</summary>
public abstract class AkkaStreamsQuery<TResult> : AkkaStreamsQuery
{
    /// <inheritdoc />
    public sealed override async Task<long> RunAsync(Source<Event, NotUsed> events, IMaterializer materializer, string? outputDirectory)
    {
        // The loop's output: counted, and written to part-0-0.jsonl when a directory is given. One sink stage calls it,
        // one element at a time.
        using var output = new LoopOutput<TResult>(outputDirectory);
        await events.Via(CreateFlow()).RunWith(Sink.ForEach<TResult>(output.Collect), materializer).ConfigureAwait(false);
        output.Complete();
        return output.Count;
    }

    /// <summary>The query as a flow from the events, in the order generated, to its result rows.</summary>
    protected abstract Flow<Event, TResult, NotUsed> CreateFlow();
}
