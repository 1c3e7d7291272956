using ActorStream.Graph.Serialization;

namespace ActorStream.Graph.Tests.Sinks;

/// <summary>
/// A two-phase-commit sink that logs every call into one shared log. A committable is the text
/// "subtask:checkpoint:values" of one prepared transaction; the writer state is its subtask index.
/// </summary>
public sealed class RecordingTwoPhaseCommitSink : ITwoPhaseCommitSink<string, string>
{
    /// <summary>Every call in order: "Write(a)", "Prepare(1)=[...]", "Commit([...])", "Flush(...)", "Dispose", ...</summary>
    public List<string> Log { get; } = [];

    /// <summary>Every committable committed, in order.</summary>
    public List<string> Committed { get; } = [];

    /// <summary>What each two-phase writer was restored from, in creation order.</summary>
    public List<TwoPhaseCommitRestore<string>> Restores { get; } = [];

    /// <inheritdoc />
    public ITypeSerializer<string> CommittableSerializer { get; } = new StringSerializer();

    /// <inheritdoc />
    public ISinkWriter<string> CreateWriter(SinkContext context)
    {
        Log.Add("CreateWriter");
        return new Writer(this, context.SubtaskIndex);
    }

    /// <inheritdoc />
    public ITwoPhaseCommitWriter<string, string> CreateWriter(SinkContext context, TwoPhaseCommitRestore<string> restore)
    {
        Log.Add("CreateTwoPhaseWriter");
        Restores.Add(restore);
        return new Writer(this, context.SubtaskIndex);
    }

    /// <inheritdoc />
    public ICommitter<string> CreateCommitter(SinkContext context) => new Committer(this);

    private sealed class Writer(RecordingTwoPhaseCommitSink sink, int subtask) : ITwoPhaseCommitWriter<string, string>
    {
        private readonly List<string> _open = [];

        public void Write(string value, long timestamp)
        {
            sink.Log.Add($"Write({value})");
            _open.Add(value);
        }

        public void Flush(bool endOfInput) => sink.Log.Add($"Flush({endOfInput})");

        public IReadOnlyList<string> PrepareCommit(long checkpointId)
        {
            var id = checkpointId == long.MaxValue ? "end" : checkpointId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            IReadOnlyList<string> prepared = _open.Count == 0 ? [] : [$"{subtask}:{id}:{string.Join(',', _open)}"];
            _open.Clear();
            sink.Log.Add($"Prepare({id})=[{string.Join(' ', prepared)}]");
            return prepared;
        }

        public byte[]? SnapshotState(long checkpointId) => [(byte)subtask];

        public void Dispose() => sink.Log.Add("Dispose");
    }

    private sealed class Committer(RecordingTwoPhaseCommitSink sink) : ICommitter<string>
    {
        public void Commit(IReadOnlyList<string> committables)
        {
            sink.Log.Add($"Commit([{string.Join(' ', committables)}])");
            sink.Committed.AddRange(committables);
        }

        public void Dispose() => sink.Log.Add("DisposeCommitter");
    }

    private sealed class StringSerializer : ITypeSerializer<string>
    {
        public void Serialize(string value, BinaryWriter writer) => writer.Write(value);

        public string Deserialize(BinaryReader reader) => reader.ReadString();
    }
}
