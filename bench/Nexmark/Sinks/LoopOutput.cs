using System.Text;
using ActorStream.Bench.Nexmark.Json;
using ActorStream.Graph;

namespace ActorStream.Bench.Nexmark.Sinks;

/// <summary>
/// Where a loop baseline emits its results: counted, and when a directory is given written as JSON lines to
/// <c>part-0-0.jsonl</c>, the name a one-subtask file sink gives its first part. The file stays hidden until
/// <see cref="Complete"/>, as a file sink's part does until the end of input.
/// </summary>
public sealed class LoopOutput<T> : ICollector<T>, IDisposable
{
    /// <summary>The file name of the loop's output in the output directory.</summary>
    public const string FileName = "part-0-0.jsonl";

    private readonly StreamWriter? _writer;
    private readonly string? _inProgressPath;
    private readonly string? _finalPath;

    /// <summary>An output that only counts, or also writes into <paramref name="directory"/> when given.</summary>
    public LoopOutput(string? directory)
    {
        if (directory is null)
            return;
        Directory.CreateDirectory(directory);
        _finalPath = Path.Combine(directory, FileName);
        _inProgressPath = Path.Combine(directory, $".{FileName}.inprogress");
        _writer = new StreamWriter(_inProgressPath, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 32 * 1024);
    }

    /// <summary>The number of results collected.</summary>
    public long Count { get; private set; }

    /// <inheritdoc />
    public void Collect(T value)
    {
        Count++;
        if (_writer is null)
            return;
        _writer.Write(NexmarkJson.Encode(value));
        _writer.Write('\n');
    }

    /// <summary>Closes the file and gives it its final name.</summary>
    public void Complete()
    {
        if (_writer is null)
            return;
        _writer.Dispose();
        File.Move(_inProgressPath!, _finalPath!, overwrite: true);
    }

    /// <summary>Closes the file; without <see cref="Complete"/> it stays hidden.</summary>
    public void Dispose() => _writer?.Dispose();
}
