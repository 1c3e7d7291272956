namespace ActorStream.Graph.Sinks;

/// <summary>
/// Drives a two-phase-commit sink for one subtask: prepare at the barrier, keep the committables
/// until their checkpoint completes, commit, and commit the restored ones again. Its operator state
/// is the writer's state and every committable not yet committed.
/// </summary>
internal sealed class TwoPhaseCommitDriver<T, TCommittable>(ITwoPhaseCommitSink<T, TCommittable> sink, SinkContext context)
    : ITwoPhaseCommitDriver<T>
{
    private const byte FormatVersion = 1;

    private readonly SortedDictionary<long, List<TCommittable>> _pending = [];
    private TwoPhaseCommitRestore<TCommittable> _restore = TwoPhaseCommitRestore<TCommittable>.None;
    private ITwoPhaseCommitWriter<T, TCommittable>? _writer;
    private ICommitter<TCommittable>? _committer;

    private ICommitter<TCommittable> Committer => _committer ??= sink.CreateCommitter(context);

    private ITwoPhaseCommitWriter<T, TCommittable> Writer => _writer ?? throw new InvalidOperationException("The sink writer is not open.");

    /// <inheritdoc />
    public void Restore(IReadOnlyList<byte[]> restored)
    {
        var writerStates = new List<byte[]>();
        var committables = new List<TCommittable>();
        // Sorted by content, so every subtask sees the union in the same order whatever order it arrived in.
        foreach (var state in restored.Order(ByteOrder.Instance))
            Read(state, writerStates, committables);
        _restore = new TwoPhaseCommitRestore<TCommittable>(writerStates, committables);
        // Every p-th entry (or by writer): the subtasks split the committables without coordinating, and never commit one twice at once.
        var mine = committables.Where((c, i) => (sink.WriterOf(c) ?? i) % context.Parallelism == context.SubtaskIndex).ToList();
        if (mine.Count > 0)
            Committer.Commit(mine);
    }

    /// <inheritdoc />
    public ISinkWriter<T> CreateWriter() => _writer = sink.CreateWriter(context, _restore);

    /// <inheritdoc />
    public byte[] Snapshot(long checkpointId)
    {
        var prepared = Writer.PrepareCommit(checkpointId);
        if (prepared.Count > 0)
        {
            if (!_pending.TryGetValue(checkpointId, out var list))
                _pending.Add(checkpointId, list = []);
            list.AddRange(prepared);
        }
        return Write(Writer.SnapshotState(checkpointId));
    }

    /// <inheritdoc />
    public void NotifyCheckpointComplete(long checkpointId)
    {
        // A completed checkpoint subsumes earlier ones whose notification was lost or skipped.
        var due = _pending.Keys.TakeWhile(id => id <= checkpointId).ToList();
        if (due.Count == 0)
            return;
        Committer.Commit(due.SelectMany(id => _pending[id]).ToList());
        foreach (var id in due)
            _pending.Remove(id);
    }

    /// <inheritdoc />
    public void EndInput()
    {
        var last = Writer.PrepareCommit(long.MaxValue);
        var all = _pending.Values.SelectMany(c => c).Concat(last).ToList();
        _pending.Clear();
        if (all.Count > 0)
            Committer.Commit(all);
    }

    /// <inheritdoc />
    public void Dispose() => _committer?.Dispose();

    private byte[] Write(byte[]? writerState)
    {
        using var buffer = new MemoryStream();
        using (var output = new BinaryWriter(buffer))
        {
            output.Write(FormatVersion);
            output.Write(writerState?.Length ?? -1);
            if (writerState is not null)
                output.Write(writerState);
            output.Write(_pending.Values.Sum(c => c.Count));
            foreach (var committable in _pending.Values.SelectMany(c => c))
                sink.CommittableSerializer.Serialize(committable, output);
        }
        return buffer.ToArray();
    }

    private void Read(byte[] state, List<byte[]> writerStates, List<TCommittable> committables)
    {
        using var input = new BinaryReader(new MemoryStream(state));
        var version = input.ReadByte();
        if (version != FormatVersion)
            throw new InvalidDataException($"Unknown two-phase-commit sink state version {version}.");
        var length = input.ReadInt32();
        if (length >= 0)
            writerStates.Add(input.ReadBytes(length));
        for (var count = input.ReadInt32(); count > 0; count--)
            committables.Add(sink.CommittableSerializer.Deserialize(input));
    }

    /// <summary>Orders byte arrays lexicographically.</summary>
    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}

/// <summary>Creates the driver of a sink that implements <see cref="ITwoPhaseCommitSink{T, TCommittable}"/>.</summary>
internal static class TwoPhaseCommitDriver
{
    /// <summary>The driver of <paramref name="sink"/>, or null when it is not a two-phase-commit sink.</summary>
    public static ITwoPhaseCommitDriver<T>? TryCreate<T>(ISink<T> sink, SinkContext context)
    {
        // The committable type is known only to the sink; find it once per subtask, not per record.
        foreach (var contract in sink.GetType().GetInterfaces())
        {
            if (!contract.IsGenericType || contract.GetGenericTypeDefinition() != typeof(ITwoPhaseCommitSink<,>))
                continue;
            var committable = contract.GetGenericArguments()[1];
            if (!typeof(ITwoPhaseCommitSink<,>).MakeGenericType(typeof(T), committable).IsInstanceOfType(sink))
                continue;
            var driver = typeof(TwoPhaseCommitDriver<,>).MakeGenericType(typeof(T), committable);
            return (ITwoPhaseCommitDriver<T>)Activator.CreateInstance(driver, sink, context)!;
        }
        return null;
    }
}
