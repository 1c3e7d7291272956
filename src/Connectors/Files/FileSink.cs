using ActorStream.Graph;
using ActorStream.Graph.Serialization;

namespace ActorStream.Connectors.Files;

/// <summary>
/// Writes records as lines into part files in a directory, as Flink's FileSink with a row format.
/// Subtask s writes <c>part-s-0</c>, <c>part-s-1</c>, ... (plus the suffix); each part stays hidden
/// (<c>.part-s-n.inprogress</c>) until it is committed, so a failed job leaves no visible output.
/// Without checkpointing every part is committed at the end of the input. With checkpointing the
/// sink is a two-phase commit: each checkpoint closes the open part (pending), and the part becomes
/// visible when that checkpoint completes; a restored run commits the restored pending parts,
/// deletes the hidden parts nothing needs any more, and numbers new parts after all existing ones.
/// </summary>
public sealed class FileSink<T> : ITwoPhaseCommitSink<T, FilePartCommittable>
{
    /// <summary>The default size at which a part file rolls over to the next: 128 MiB.</summary>
    public const long DefaultMaxPartBytes = 128L * 1024 * 1024;

    private readonly Func<T, string> _formatter;
    private readonly PartFileNaming _naming;

    /// <summary>
    /// Creates a sink into <paramref name="directory"/> that writes one line per record made by
    /// <paramref name="formatter"/> (default: ToString()), naming parts with <paramref name="suffix"/>
    /// (e.g. ".jsonl") and rolling to a new part once one reaches <paramref name="maxPartBytes"/>.
    /// </summary>
    public FileSink(string directory, Func<T, string>? formatter = null, string suffix = "", long maxPartBytes = DefaultMaxPartBytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(suffix);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPartBytes);
        if (suffix.IndexOfAny(['/', '\\']) >= 0)
            throw new ArgumentException($"The part file suffix '{suffix}' must not contain a path separator.", nameof(suffix));
        OutputDirectory = directory;
        _formatter = formatter ?? (value => value?.ToString() ?? "");
        Suffix = suffix;
        MaxPartBytes = maxPartBytes;
        _naming = new PartFileNaming(suffix);
    }

    /// <summary>The output directory.</summary>
    public string OutputDirectory { get; }

    /// <summary>The suffix of every part file name, e.g. ".jsonl".</summary>
    public string Suffix { get; }

    /// <summary>The size at which a part file is rolled over to the next.</summary>
    public long MaxPartBytes { get; }

    /// <summary>The final name of part <paramref name="partNumber"/> of subtask <paramref name="subtask"/>.</summary>
    public string PartFileName(int subtask, int partNumber) => _naming.Final(subtask, partNumber);

    /// <summary>The hidden name part <paramref name="partNumber"/> of subtask <paramref name="subtask"/> has until committed.</summary>
    public string InProgressFileName(int subtask, int partNumber) => _naming.Hidden(subtask, partNumber);

    /// <inheritdoc />
    public ITypeSerializer<FilePartCommittable> CommittableSerializer => FilePartCommittableSerializer.Instance;

    /// <inheritdoc />
    public ISinkWriter<T> CreateWriter(SinkContext context)
    {
        Directory.CreateDirectory(OutputDirectory);
        return new FileSinkWriter<T>(this, context.SubtaskIndex, _formatter);
    }

    /// <inheritdoc />
    public ITwoPhaseCommitWriter<T, FilePartCommittable> CreateWriter(SinkContext context, TwoPhaseCommitRestore<FilePartCommittable> restore)
    {
        Directory.CreateDirectory(OutputDirectory);
        var counters = FileSinkRecovery.Recover(OutputDirectory, _naming, context.SubtaskIndex, context.Parallelism, restore);
        return new FileSinkWriter<T>(this, context.SubtaskIndex, _formatter, counters);
    }

    /// <inheritdoc />
    public ICommitter<FilePartCommittable> CreateCommitter(SinkContext context) => new FileCommitter(OutputDirectory);
}
