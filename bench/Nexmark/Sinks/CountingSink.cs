using ActorStream.Graph;

namespace ActorStream.Bench.Nexmark.Sinks;

/// <summary>
/// Counts the records it receives in a job counter and hands them to an inner sink, or drops them when there is
/// none, as Flink's DiscardingSink (the reference runs every query into a blackhole table).
/// </summary>
public sealed class CountingSink<T>(ISink<T>? inner, string counterName) : ISink<T>
{
    /// <summary>The counter that holds the number of records received, summed over subtasks in the job result.</summary>
    public string CounterName { get; } = counterName;

    /// <inheritdoc />
    public ISinkWriter<T> CreateWriter(SinkContext context) =>
        new Writer(context.RuntimeContext.GetCounter(CounterName), inner?.CreateWriter(context));

    private sealed class Writer(ICounter counter, ISinkWriter<T>? inner) : ISinkWriter<T>
    {
        public void Write(T value, long timestamp)
        {
            counter.Add();
            inner?.Write(value, timestamp);
        }

        public void Flush(bool endOfInput) => inner?.Flush(endOfInput);

        public void Dispose() => inner?.Dispose();
    }
}
