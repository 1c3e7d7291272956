using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace ActorStream.Graph.Sources;

/// <summary>
/// Reads the lines of a UTF-8 file and knows the byte offset of the next line, so a restored reader
/// can seek straight to it. Lines end with \n or \r\n; a UTF-8 byte order mark at the start is skipped.
/// </summary>
internal sealed class Utf8LineReader : IDisposable
{
    private const int InitialBufferBytes = 64 * 1024;

    private readonly FileStream _stream;
    private byte[] _buffer = new byte[InitialBufferBytes];
    private long _bufferOffset;
    private int _start;
    private int _end;
    private bool _endOfFile;

    private Utf8LineReader(FileStream stream, long offset)
    {
        _stream = stream;
        _bufferOffset = offset;
    }

    /// <summary>The byte offset of the first unread line.</summary>
    public long Position => _bufferOffset + _start;

    /// <summary>Opens <paramref name="path"/> at <paramref name="offset"/>, a line start this reader reported before (0: the beginning).</summary>
    public static Utf8LineReader Open(string path, long offset)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        try
        {
            stream.Seek(offset, SeekOrigin.Begin);
            var reader = new Utf8LineReader(stream, offset);
            if (offset == 0)
                reader.SkipByteOrderMark(path);
            return reader;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads the next line without its terminator; false at the end of the file.</summary>
    public bool TryReadLine([NotNullWhen(true)] out string? line)
    {
        while (true)
        {
            var unread = _buffer.AsSpan(_start, _end - _start);
            var newline = unread.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = Decode(unread[..newline]);
                _start += newline + 1;
                return true;
            }
            if (_endOfFile)
            {
                // The last line need not end with a line feed.
                line = unread.IsEmpty ? null : Decode(unread);
                _start = _end;
                return line is not null;
            }
            Fill();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private static string Decode(ReadOnlySpan<byte> bytes) =>
        Encoding.UTF8.GetString(bytes is [.., (byte)'\r'] ? bytes[..^1] : bytes);

    /// <summary>Moves the unread bytes to the front (growing the buffer for a line longer than it) and reads more.</summary>
    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _bufferOffset += _start;
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
            Array.Resize(ref _buffer, _buffer.Length * 2);
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
            _endOfFile = true;
        _end += read;
    }

    private void SkipByteOrderMark(string path)
    {
        while (_end < 3 && !_endOfFile)
            Fill();
        var head = _buffer.AsSpan(0, _end);
        if (head.StartsWith("\uFEFF"u8))
            _start = 3;
        else if (head is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
            throw new NotSupportedException($"The file '{path}' is UTF-16 or UTF-32 encoded; text file sources read UTF-8.");
    }
}
