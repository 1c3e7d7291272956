using System.Text;

namespace ActorStream.Graph.Sources;

/// <summary>
/// Turns UTF-8 bytes that arrive in arbitrary chunks into lines split by one delimiter character. A character whose
/// bytes straddle two chunks is decoded once both arrived; with '\n' as the delimiter a trailing '\r' is dropped, so
/// "\r\n" line ends work too.
/// </summary>
internal sealed class DelimitedLineDecoder(char delimiter)
{
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetDecoder();
    private readonly StringBuilder _line = new();
    private char[] _chars = new char[1024];

    /// <summary>True when characters of an unfinished line are held.</summary>
    public bool HasPartialLine => _line.Length > 0;

    /// <summary>Decodes <paramref name="bytes"/> and hands every line they complete to <paramref name="emit"/>.</summary>
    public void Decode(ReadOnlySpan<byte> bytes, List<string> emit)
    {
        var needed = _decoder.GetCharCount(bytes, flush: false);
        if (needed > _chars.Length)
            _chars = new char[Math.Max(needed, _chars.Length * 2)];
        var count = _decoder.GetChars(bytes, _chars, flush: false);
        var chars = _chars.AsSpan(0, count);
        while (chars.IndexOf(delimiter) is var end and >= 0)
        {
            _line.Append(chars[..end]);
            emit.Add(TakeLine());
            chars = chars[(end + 1)..];
        }
        _line.Append(chars);
    }

    /// <summary>The connection closed: the unfinished line, if any, is a line of its own (Flink emits it too).</summary>
    public string? Finish()
    {
        Span<char> rest = stackalloc char[4];
        var count = _decoder.GetChars(ReadOnlySpan<byte>.Empty, rest, flush: true); // an incomplete character becomes U+FFFD
        _line.Append(rest[..count]);
        return _line.Length > 0 ? TakeLine() : null;
    }

    private string TakeLine()
    {
        if (delimiter == '\n' && _line.Length > 0 && _line[^1] == '\r')
            _line.Length--;
        var line = _line.ToString();
        _line.Clear();
        return line;
    }
}
