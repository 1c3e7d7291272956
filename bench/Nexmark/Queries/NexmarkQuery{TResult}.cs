using ActorStream.Bench.Nexmark.Generator;
using ActorStream.Bench.Nexmark.Json;
using ActorStream.Bench.Nexmark.Model;
using ActorStream.Bench.Nexmark.Sinks;
using ActorStream.Connectors.Files;
using ActorStream.Graph;

namespace ActorStream.Bench.Nexmark.Queries;

/// <summary>A query with result rows of type <typeparamref name="TResult"/>: subclasses give the pipeline and the loop.</summary>
public abstract class NexmarkQuery<TResult> : NexmarkQuery
{
    /// <inheritdoc />
    public sealed override void AddTo(StreamExecutionEnvironment env, NexmarkGenerator generator, long events, string? outputDirectory)
    {
        var file = outputDirectory is null ? null : new FileSink<TResult>(outputDirectory, NexmarkJson.Encode, ".jsonl");
        Apply(NexmarkSource.Events(env, generator, events))
            .SinkTo(new CountingSink<TResult>(file, ResultsCounter), "results").Uid("results");
    }

    /// <inheritdoc />
    public sealed override long RunLoop(NexmarkGenerator generator, long events, string? outputDirectory)
    {
        using var output = new LoopOutput<TResult>(outputDirectory);
        Loop(generator, events, output);
        output.Complete();
        return output.Count;
    }

    /// <summary>The query as DataStream operators over the event stream.</summary>
    protected abstract DataStream<TResult> Apply(DataStream<Event> events);

    /// <summary>The query hand-written as one loop that generates events 0 to <paramref name="events"/> - 1.</summary>
    protected abstract void Loop(NexmarkGenerator generator, long events, ICollector<TResult> output);
}
