namespace ActorStream.Graph.Sources;

/// <summary>
/// The lines of a text file, or of every visible file in a directory. Each file is one split;
/// subtask i reads files i, i + p, i + 2p, ... in name order.
/// </summary>
public sealed class TextLineSource(string path) : ISource<string>
{
    /// <inheritdoc />
    public Boundedness Boundedness => Boundedness.Bounded;

    /// <summary>The files this source reads, in split order.</summary>
    public IReadOnlyList<string> Files()
    {
        if (File.Exists(path))
            return [path];
        if (!Directory.Exists(path))
            throw new FileNotFoundException($"The input path '{path}' is neither a file nor a directory.", path);
        return Directory.EnumerateFiles(path)
            .Where(f => Path.GetFileName(f) is var name && !name.StartsWith('.') && !name.StartsWith('_'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <inheritdoc />
    public ISourceReader<string> CreateReader(SourceReaderContext context)
    {
        var mine = Files().Where((_, i) => i % context.Parallelism == context.SubtaskIndex).ToList();
        return new Reader(mine);
    }

    /// <summary>Reads its files one after another, each through its own split output (own watermarks).</summary>
    private sealed class Reader(IReadOnlyList<string> files) : ISourceReader<string>
    {
        private int _next;
        private string? _file;
        private StreamReader? _reader;
        private ISourceOutput<string>? _splitOutput;

        public InputStatus PollNext(ISourceOutput<string> output)
        {
            while (true)
            {
                if (_reader is null)
                {
                    if (_next == files.Count)
                        return InputStatus.EndOfInput;
                    _file = files[_next++];
                    _reader = new StreamReader(_file, detectEncodingFromByteOrderMarks: true);
                    _splitOutput = output.ForSplit(_file);
                }
                if (_reader.ReadLine() is { } line)
                {
                    _splitOutput!.Collect(line);
                    return InputStatus.MoreAvailable;
                }
                _reader.Dispose();
                _reader = null;
                output.ReleaseSplit(_file!);
            }
        }

        public Task WaitForAvailabilityAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose() => _reader?.Dispose();
    }
}
