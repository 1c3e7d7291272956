using ActorStream.Graph;

namespace ActorStream.Bench.Nexmark.Queries.Functions;

/// <summary><c>count(*)</c> as an incremental aggregate.</summary>
public sealed class CountAggregate<T> : IAggregateFunction<T, long, long>
{
    /// <inheritdoc />
    public long CreateAccumulator() => 0;

    /// <inheritdoc />
    public long Add(T value, long accumulator) => accumulator + 1;

    /// <inheritdoc />
    public long GetResult(long accumulator) => accumulator;

    /// <inheritdoc />
    public long Merge(long a, long b) => a + b;
}
