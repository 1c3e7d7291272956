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
        return new EnumeratorReader<string>(Lines(mine).GetEnumerator());
    }

    private static IEnumerable<string> Lines(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            using var reader = new StreamReader(file, detectEncodingFromByteOrderMarks: true);
            while (reader.ReadLine() is { } line)
                yield return line;
        }
    }
}
