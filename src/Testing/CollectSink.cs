using System.Collections.Concurrent;
using ActorStream.Graph;

namespace ActorStream.Testing;

/// <summary>
/// A sink that keeps every record in memory, for tests whose job runs in the test's process (a <see cref="MiniCluster"/>
/// or any local environment): every subtask's writer adds to the same collection, unbounded, with the writing subtask
/// for assertions. To stream results to a program with bounded memory, use <c>DataStream.ExecuteAndCollectAsync</c>.
/// </summary>
public sealed class CollectSink<T> : ISink<T>
{
    private readonly ConcurrentQueue<(int Subtask, T Value)> _values = new();
    private int _endOfInputFlushes;

    /// <summary>The records written so far, in the order the writers wrote them.</summary>
    public IReadOnlyList<T> Values => _values.Select(v => v.Value).ToList();

    /// <summary>The records with the index of the subtask that wrote each.</summary>
    public IReadOnlyList<(int Subtask, T Value)> WithSubtasks => _values.ToList();

    /// <summary>How many writers saw the end of their input (a bounded job's sinks each flush once at the end).</summary>
    public int EndOfInputFlushes => Volatile.Read(ref _endOfInputFlushes);

    /// <inheritdoc />
    public ISinkWriter<T> CreateWriter(SinkContext context) => new Writer(this, context.SubtaskIndex);

    private sealed class Writer(CollectSink<T> sink, int subtask) : ISinkWriter<T>
    {
        public void Write(T value, long timestamp) => sink._values.Enqueue((subtask, value));

        public void Flush(bool endOfInput)
        {
            if (endOfInput)
                Interlocked.Increment(ref sink._endOfInputFlushes);
        }

        public void Dispose() { }
    }
}
