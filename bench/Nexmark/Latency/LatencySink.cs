using System.Diagnostics;
using ActorStream.Graph;

namespace ActorStream.Bench.Nexmark.Latency;

/// <summary>
/// Discards stamped results as the reference's blackhole table does, counting them in a job counter and recording,
/// per result, the time from its event's emission to its arrival here. Each writer keeps its own histogram and hands
/// it to the <see cref="LatencyRecorder"/> when it closes.
/// </summary>
public sealed class LatencySink<T>(LatencyRecorder recorder, string counterName) : ISink<Stamped<T>>
{
    /// <inheritdoc />
    public ISinkWriter<Stamped<T>> CreateWriter(SinkContext context) =>
        new Writer(recorder, context.RuntimeContext.GetCounter(counterName));

    private sealed class Writer(LatencyRecorder recorder, ICounter counter) : ISinkWriter<Stamped<T>>
    {
        private readonly LatencyHistogram _histogram = new();
        private bool _handedOver;

        public void Write(Stamped<T> value, long timestamp)
        {
            _histogram.Record(Stopwatch.GetTimestamp() - value.EmittedAt);
            counter.Add();
        }

        public void Flush(bool endOfInput) { }

        public void Dispose()
        {
            if (_handedOver)
                return;
            _handedOver = true;
            recorder.Add(_histogram);
        }
    }
}
