using System.Collections.Concurrent;
using ActorStream.Graph;

namespace ActorStream.Actors.Tests.Support;

/// <summary>A sink that collects every record in memory, for tests in one process.</summary>
public sealed class CollectSink<T> : ISink<T>
{
    private readonly ConcurrentQueue<(int Subtask, T Value)> _values = new();

    public IReadOnlyList<T> Values => _values.Select(v => v.Value).ToList();

    public IReadOnlyList<(int Subtask, T Value)> WithSubtasks => _values.ToList();

    public int EndOfInputFlushes;

    public ISinkWriter<T> CreateWriter(SinkContext context) => new Writer(this, context.SubtaskIndex);

    private sealed class Writer(CollectSink<T> sink, int subtask) : ISinkWriter<T>
    {
        public void Write(T value, long timestamp) => sink._values.Enqueue((subtask, value));

        public void Flush(bool endOfInput)
        {
            if (endOfInput)
                Interlocked.Increment(ref sink.EndOfInputFlushes);
        }

        public void Dispose() { }
    }
}
