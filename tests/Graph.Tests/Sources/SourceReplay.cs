namespace ActorStream.Graph.Tests.Sources;

/// <summary>Drives source readers directly for snapshot-then-restore tests, without an operator or runtime.</summary>
internal static class SourceReplay
{
    /// <summary>The reader of subtask <paramref name="subtask"/> of <paramref name="parallelism"/>, restored from <paramref name="restored"/> when given.</summary>
    public static ISourceReader<T> Open<T>(ISource<T> source, int subtask, int parallelism, IReadOnlyList<byte[]>? restored = null,
        TimeProvider? time = null) =>
        source.CreateReader(new SourceReaderContext(subtask, parallelism, time ?? TimeProvider.System) { RestoredState = restored ?? [] });

    /// <summary>Polls until <paramref name="limit"/> records were emitted or the input ends.</summary>
    public static List<T> Read<T>(ISourceReader<T> reader, int limit = int.MaxValue)
    {
        var output = new ValuesOutput<T>();
        while (output.Values.Count < limit)
        {
            var status = reader.PollNext(output);
            Assert.NotEqual(InputStatus.NothingAvailable, status);
            if (status == InputStatus.EndOfInput)
                break;
        }
        return output.Values;
    }

    /// <summary>
    /// Runs <paramref name="parallelism"/> readers (restored from <paramref name="restored"/>), lets
    /// reader i emit <paramref name="take"/>(i) records, and snapshots them all.
    /// </summary>
    public static (List<T> Emitted, List<byte[]> States) ReadThenSnapshot<T>(ISource<T> source, int parallelism, Func<int, int> take,
        IReadOnlyList<byte[]>? restored = null)
    {
        var emitted = new List<T>();
        var states = new List<byte[]>();
        for (var i = 0; i < parallelism; i++)
        {
            using var reader = Open(source, i, parallelism, restored);
            emitted.AddRange(Read(reader, take(i)));
            states.Add(reader.SnapshotState(checkpointId: 1));
        }
        return (emitted, states);
    }

    /// <summary>Everything the readers of a run at <paramref name="parallelism"/> restored from <paramref name="states"/> emit.</summary>
    public static List<T> ReadRestored<T>(ISource<T> source, IReadOnlyList<byte[]> states, int parallelism) =>
        ReadThenSnapshot(source, parallelism, _ => int.MaxValue, states).Emitted;

    private sealed class ValuesOutput<T> : ISourceOutput<T>
    {
        public List<T> Values { get; } = [];

        public void Collect(T value) => Values.Add(value);

        public void Collect(T value, long timestamp) => Values.Add(value);
    }
}
