namespace ActorStream.Graph.Sources;

/// <summary>
/// The lines of a UTF-8 text file, or of every visible file in a directory. Each file is one split;
/// subtask i reads files i, i + p, i + 2p, ... in name order. Its position is the byte offset of the
/// next line in each file (by file name), so a restored run resumes after the last line emitted, at
/// any parallelism. An optional rate throttles the source to that many lines per second in total.
/// </summary>
public sealed class TextLineSource : ISource<string>
{
    private readonly string _path;

    /// <summary>
    /// Reads <paramref name="path"/>; <paramref name="recordsPerSecond"/> limits the total rate over
    /// all subtasks (each reads at its share), or null for as fast as possible.
    /// </summary>
    public TextLineSource(string path, double? recordsPerSecond = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (recordsPerSecond is { } rate)
            RecordRateLimiter.ValidateRate(rate, nameof(recordsPerSecond));
        _path = path;
        RecordsPerSecond = recordsPerSecond;
    }

    /// <summary>The total rate limit over all subtasks in lines per second, or null for none.</summary>
    public double? RecordsPerSecond { get; }

    /// <inheritdoc />
    public Boundedness Boundedness => Boundedness.Bounded;

    /// <summary>The files this source reads, in split order.</summary>
    public IReadOnlyList<string> Files()
    {
        if (File.Exists(_path))
            return [_path];
        if (!Directory.Exists(_path))
            throw new FileNotFoundException($"The input path '{_path}' is neither a file nor a directory.", _path);
        return Directory.EnumerateFiles(_path)
            .Where(f => Path.GetFileName(f) is var name && !name.StartsWith('.') && !name.StartsWith('_'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <inheritdoc />
    public ISourceReader<string> CreateReader(SourceReaderContext context)
    {
        var mine = Files().Where((_, i) => i % context.Parallelism == context.SubtaskIndex).ToList();
        var limiter = RecordsPerSecond is { } rate ? new RecordRateLimiter(rate / context.Parallelism, context.TimeProvider) : null;
        return new TextLineReader(mine, TextFilePositions.Merge(context.RestoredState), limiter);
    }
}
