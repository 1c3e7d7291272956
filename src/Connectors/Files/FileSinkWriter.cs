using ActorStream.Graph;

namespace ActorStream.Connectors.Files;

/// <summary>
/// Writes one subtask's part files: the open one, and the closed ones waiting to be committed, at
/// the end of input or, with checkpointing, when the checkpoint that closed them completes.
/// </summary>
internal sealed class FileSinkWriter<T> : ITwoPhaseCommitWriter<T, FilePartCommittable>
{
    private readonly FileSink<T> _sink;
    private readonly int _subtask;
    private readonly Func<T, string> _formatter;
    private readonly Dictionary<int, int> _counters;
    private readonly List<PartFile> _pending = [];
    private PartFile? _current;

    /// <summary>A writer of subtask <paramref name="subtask"/> that numbers its parts on from <paramref name="counters"/> (next part by subtask index).</summary>
    public FileSinkWriter(FileSink<T> sink, int subtask, Func<T, string> formatter, Dictionary<int, int>? counters = null)
    {
        _sink = sink;
        _subtask = subtask;
        _formatter = formatter;
        _counters = counters ?? new Dictionary<int, int> { [subtask] = 0 };
    }

    /// <inheritdoc />
    public void Write(T value, long timestamp)
    {
        // Opened lazily, so a subtask that receives nothing leaves no empty part behind.
        _current ??= OpenNextPart();
        _current.WriteLine(_formatter(value));
        if (_current.Length >= _sink.MaxPartBytes)
            Roll();
    }

    /// <inheritdoc />
    public void Flush(bool endOfInput)
    {
        if (!endOfInput)
        {
            _current?.Flush();
            return;
        }
        Roll();
        foreach (var part in _pending)
            part.Commit();
        _pending.Clear();
    }

    /// <summary>Closes the open part and hands every closed part over for committing; they stay hidden until then.</summary>
    public IReadOnlyList<FilePartCommittable> PrepareCommit(long checkpointId)
    {
        Roll();
        var committables = _pending
            .Select(p => new FilePartCommittable(Path.GetFileName(p.InProgressPath), Path.GetFileName(p.FinalPath)))
            .ToList();
        _pending.Clear();
        return committables;
    }

    /// <summary>The part counters, so a restored run numbers its parts after every part this one made.</summary>
    public byte[]? SnapshotState(long checkpointId) => PartCounters.Write(_counters);

    /// <summary>Closes the open part without committing anything: after a failure no part becomes visible.</summary>
    public void Dispose()
    {
        _current?.Dispose();
        _current = null;
    }

    /// <summary>Closes the open part into the pending list; a later write opens the next one.</summary>
    private void Roll()
    {
        if (_current is null)
            return;
        _current.Close();
        _pending.Add(_current);
        _current = null;
    }

    private PartFile OpenNextPart()
    {
        var number = _counters[_subtask]++;
        return PartFile.Open(
            Path.Combine(_sink.OutputDirectory, _sink.InProgressFileName(_subtask, number)),
            Path.Combine(_sink.OutputDirectory, _sink.PartFileName(_subtask, number)));
    }
}
