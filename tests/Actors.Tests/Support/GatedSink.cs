using System.Collections.Concurrent;
using ActorStream.Graph;

namespace ActorStream.Actors.Tests.Support;

/// <summary>A sink whose writer blocks before every record until the test lets it pass: a slow operator on demand.</summary>
public sealed class GatedSink<T> : ISink<T>, IDisposable
{
    private readonly SemaphoreSlim _gate = new(0);
    private readonly ConcurrentQueue<T> _values = new();
    private long _arrived;

    /// <summary>Records that reached the writer, including the one waiting at the gate.</summary>
    public long Arrived => Interlocked.Read(ref _arrived);

    public IReadOnlyList<T> Values => _values.ToList();

    public void Open() => _gate.Release(int.MaxValue / 2);

    public ISinkWriter<T> CreateWriter(SinkContext context) => new Writer(this);

    public void Dispose() => _gate.Dispose();

    private sealed class Writer(GatedSink<T> sink) : ISinkWriter<T>
    {
        public void Write(T value, long timestamp)
        {
            Interlocked.Increment(ref sink._arrived);
            sink._gate.Wait();
            sink._values.Enqueue(value);
        }

        public void Flush(bool endOfInput) { }

        public void Dispose() { }
    }
}
