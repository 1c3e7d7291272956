using ActorStream.Graph.Sinks;

namespace ActorStream.Graph;

/// <summary>Streaming a job's results back to the program that runs it (Flink's collectAsync and executeAndCollect).</summary>
public partial class DataStream<T>
{
    /// <summary>
    /// Adds a sink that hands this stream's records to the returned <see cref="CollectResultStream{T}"/>, which yields them
    /// once the job runs: start it with <see cref="StreamExecutionEnvironment.StartAsync"/> or
    /// <see cref="StreamExecutionEnvironment.ExecuteAsync"/> and enumerate meanwhile (Flink's collectAsync). Leaving the
    /// enumeration early cancels the job. The job must run in this process (any environment that submits a graph does).
    /// </summary>
    public CollectResultStream<T> CollectAsync(CollectOptions? options = null) => Collect(options, start: null, CancellationToken.None);

    /// <summary>
    /// Runs the job and yields this stream's records as it produces them (Flink's executeAndCollect): the job starts when
    /// the enumeration starts, and leaving the enumeration before the job ended (break, cancelling
    /// <paramref name="cancellationToken"/>) cancels it. See <see cref="CollectResultStream{T}"/> for buffering and restarts.
    /// </summary>
    public CollectResultStream<T> ExecuteAndCollectAsync(string jobName = "ActorStream Job", CollectOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var environment = Environment;
        return Collect(options, start: token => environment.StartAsync(jobName, token), cancellationToken);
    }

    /// <summary>Runs the job until it produced <paramref name="limit"/> records (or ended), then cancels it and returns them.</summary>
    public async Task<List<T>> ExecuteAndCollectAsync(int limit, string jobName = "ActorStream Job", CollectOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var results = new List<T>(Math.Min(limit, 4_096));
        await foreach (var record in ExecuteAndCollectAsync(jobName, options, cancellationToken).ConfigureAwait(false))
        {
            results.Add(record);
            if (results.Count == limit)
                break;
        }
        return results;
    }

    private CollectResultStream<T> Collect(CollectOptions? options, Func<CancellationToken, Task>? start, CancellationToken cancellationToken)
    {
        var buffer = new CollectBuffer<T>((options ?? new CollectOptions()).Validate().BufferSize);
        SinkTo(new CollectResultSink<T>(buffer), "Collect Sink");
        var results = new CollectResultStream<T>(buffer, start, cancellationToken);
        Environment.Attach(results);
        return results;
    }
}
