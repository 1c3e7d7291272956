namespace ActorStream.Graph.Sources;

/// <summary>
/// Reads its files one after another, each through its own split output (own watermarks), tracking
/// the byte offset after the last line emitted from each, optionally paced by a rate limiter.
/// </summary>
internal sealed class TextLineReader : ISourceReader<string>
{
    /// <summary>The most permits one acquire takes, so the limiter is asked once per burst rather than per line.</summary>
    private const long MaxBurst = 64;

    private readonly IReadOnlyList<string> _files;
    private readonly long[] _positions;
    private readonly RecordRateLimiter? _limiter;
    private int _next;
    private int _current = -1;
    private Utf8LineReader? _lines;
    private ISourceOutput<string>? _splitOutput;
    private long _permits;

    /// <summary>Reads <paramref name="files"/>, starting each at its restored position (absent: the beginning).</summary>
    public TextLineReader(IReadOnlyList<string> files, IReadOnlyDictionary<string, long> restored, RecordRateLimiter? limiter)
    {
        _files = files;
        _positions = files.Select(f => restored.GetValueOrDefault(Path.GetFileName(f))).ToArray();
        _limiter = limiter;
    }

    /// <inheritdoc />
    public InputStatus PollNext(ISourceOutput<string> output)
    {
        while (true)
        {
            if (_lines is null && !OpenNextFile(output))
                return InputStatus.EndOfInput;
            if (_limiter is not null && _permits == 0 && (_permits = _limiter.Acquire(MaxBurst)) == 0)
                return InputStatus.NothingAvailable;
            if (_lines!.TryReadLine(out var line))
            {
                _positions[_current] = _lines.Position;
                if (_limiter is not null)
                    _permits--;
                _splitOutput!.Collect(line);
                return InputStatus.MoreAvailable;
            }
            _lines.Dispose();
            _lines = null;
            _positions[_current] = TextFilePositions.Finished;
            output.ReleaseSplit(_files[_current]);
        }
    }

    /// <inheritdoc />
    public int? AssignedSplits => _files.Count;

    /// <inheritdoc />
    public Task WaitForAvailabilityAsync(CancellationToken cancellationToken) =>
        _limiter?.WaitForNextAsync(cancellationToken) ?? Task.CompletedTask;

    /// <inheritdoc />
    public byte[] SnapshotState(long checkpointId) =>
        // Files not started yet need no entry: a restored reader starts them from the beginning.
        TextFilePositions.Write(_files.Select((f, i) => KeyValuePair.Create(Path.GetFileName(f), _positions[i])).Where(p => p.Value != 0));

    /// <inheritdoc />
    public void Dispose() => _lines?.Dispose();

    private bool OpenNextFile(ISourceOutput<string> output)
    {
        while (_next < _files.Count && _positions[_next] == TextFilePositions.Finished)
            _next++;
        if (_next == _files.Count)
            return false;
        _current = _next++;
        _lines = Utf8LineReader.Open(_files[_current], _positions[_current]);
        _splitOutput = output.ForSplit(_files[_current]);
        return true;
    }
}
