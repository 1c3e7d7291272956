using ActorStream.Bench.Nexmark.Generator;
using ActorStream.Graph;

namespace ActorStream.Bench.Nexmark.Queries;

/// <summary>A Nexmark query in two forms: an ActorStream DataStream pipeline and the hand-written loop baseline.</summary>
public abstract class NexmarkQuery
{
    // Before any query builds state: the model records get binary serializers instead of the JSON fallback.
    static NexmarkQuery() => Model.NexmarkSerializers.Register();

    /// <summary>The job counter the pipeline's sink counts results in.</summary>
    public const string ResultsCounter = "nexmark.results";

    /// <summary>The query's name as the reference spells it: "q0", "q1", ...</summary>
    public abstract string Name { get; }

    /// <summary>The query's short title in the reference, e.g. "currency conversion".</summary>
    public abstract string Title { get; }

    /// <summary>What the query computes, in one line.</summary>
    public abstract string Description { get; }

    /// <summary>
    /// Adds the query over events 0 to <paramref name="events"/> - 1 to <paramref name="env"/>, ending in a sink that
    /// counts results in <see cref="ResultsCounter"/> and writes them as JSON lines into <paramref name="outputDirectory"/>
    /// when given, discarding them otherwise.
    /// </summary>
    public abstract void AddTo(StreamExecutionEnvironment env, NexmarkGenerator generator, long events, string? outputDirectory);

    /// <summary>
    /// Runs the loop baseline over events 0 to <paramref name="events"/> - 1 on this thread, writing results as the
    /// pipeline does; returns the number of results.
    /// </summary>
    public abstract long RunLoop(NexmarkGenerator generator, long events, string? outputDirectory);
}
