using ActorStream.Graph;

namespace ActorStream.Connectors.Files;

/// <summary>Writes one subtask's part files: the open one, and the rolled ones waiting for the end of input.</summary>
internal sealed class FileSinkWriter<T>(FileSink<T> sink, int subtask, Func<T, string> formatter) : ISinkWriter<T>
{
    private readonly List<PartFile> _pending = [];
    private PartFile? _current;
    private int _nextPartNumber;

    /// <inheritdoc />
    public void Write(T value, long timestamp)
    {
        // Opened lazily, so a subtask that receives nothing leaves no empty part behind.
        _current ??= OpenNextPart();
        _current.WriteLine(formatter(value));
        if (_current.Length >= sink.MaxPartBytes)
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
        var number = _nextPartNumber++;
        return PartFile.Open(
            Path.Combine(sink.OutputDirectory, sink.InProgressFileName(subtask, number)),
            Path.Combine(sink.OutputDirectory, sink.PartFileName(subtask, number)));
    }
}
