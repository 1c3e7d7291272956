using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace ActorStream.Connectors.Formats;

/// <summary>
/// One-line CSV records as in RFC 4180: fields may be quoted, a quote inside a quoted field is
/// doubled, and a quoted field may contain the separator. A record cannot span lines.
/// </summary>
public static class Csv
{
    /// <summary>Splits <paramref name="line"/> into fields; false with a message when it is malformed.</summary>
    public static bool TryParseLine(string line, [NotNullWhen(true)] out string[]? fields,
        [NotNullWhen(false)] out string? error, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(line);
        ValidateSeparator(separator);
        var result = new List<string>();
        StringBuilder? quoted = null;
        var position = 0;
        fields = null;
        while (true)
        {
            if (position < line.Length && line[position] == '"')
            {
                if (!TryReadQuoted(line, ref position, quoted ??= new StringBuilder(), out error))
                    return false;
                result.Add(quoted.ToString());
                if (position == line.Length)
                    break;
                if (line[position] != separator)
                {
                    error = $"Unexpected '{line[position]}' at column {position + 1} after a closing quote; expected '{separator}' or the end of the line.";
                    return false;
                }
                position++;
                continue;
            }
            // An unquoted field runs to the next separator; a quote inside it is taken literally, as Excel does.
            var end = line.IndexOf(separator, position);
            if (end < 0)
            {
                result.Add(line[position..]);
                break;
            }
            result.Add(line[position..end]);
            position = end + 1;
        }
        fields = [.. result];
        error = null;
        return true;
    }

    /// <summary>Splits <paramref name="line"/> into fields; throws <see cref="FormatException"/> when it is malformed.</summary>
    public static string[] ParseLine(string line, char separator = ',') =>
        TryParseLine(line, out var fields, out var error, separator) ? fields : throw new FormatException(error);

    /// <summary>
    /// Parses a record of exactly <paramref name="fieldCount"/> fields and converts it with <paramref name="map"/>;
    /// false with a message for a malformed line, a wrong field count or a field <paramref name="map"/> cannot convert.
    /// </summary>
    public static bool TryDecode<T>(string line, int fieldCount, Func<string[], T> map,
        [MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out string? error, char separator = ',')
    {
        value = default;
        if (!TryParseLine(line, out var fields, out error, separator))
            return false;
        if (fields.Length != fieldCount)
        {
            error = $"Expected {fieldCount} CSV fields but found {fields.Length}.";
            return false;
        }
        try
        {
            value = map(fields);
            return true;
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            // The usual parse failures (long.Parse, Enum.Parse, ...) are bad data, not bugs, so they become results.
            error = $"Could not convert the CSV fields: {e.Message}";
            return false;
        }
    }

    /// <summary>Like <see cref="TryDecode{T}"/>, returning a result.</summary>
    public static Decoded<T> Decode<T>(string line, int fieldCount, Func<string[], T> map, char separator = ',') =>
        TryDecode(line, fieldCount, map, out var value, out var error, separator)
            ? Decoded<T>.Success(value)
            : Decoded<T>.Failure(error);

    /// <summary>Joins <paramref name="fields"/> into a line, quoting those that contain the separator, a quote or a line break.</summary>
    public static string Format(IEnumerable<string?> fields, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(fields);
        ValidateSeparator(separator);
        var line = new StringBuilder();
        var first = true;
        ReadOnlySpan<char> special = [separator, '"', '\r', '\n'];
        foreach (var field in fields)
        {
            if (!first)
                line.Append(separator);
            first = false;
            if (field is null)
                continue;
            if (field.AsSpan().IndexOfAny(special) < 0)
                line.Append(field);
            else
                line.Append('"').Append(field.Replace("\"", "\"\"")).Append('"');
        }
        return line.ToString();
    }

    private static void ValidateSeparator(char separator)
    {
        if (separator is '"' or '\r' or '\n')
            throw new ArgumentException("A quote or line break cannot be the CSV separator.", nameof(separator));
    }

    /// <summary>Reads the quoted field at <paramref name="position"/> into <paramref name="field"/> and moves past its closing quote.</summary>
    private static bool TryReadQuoted(string line, ref int position, StringBuilder field, [NotNullWhen(false)] out string? error)
    {
        var opening = position;
        field.Clear();
        position++;
        while (true)
        {
            var quote = line.IndexOf('"', position);
            if (quote < 0)
            {
                error = $"The quoted field at column {opening + 1} has no closing quote (records cannot span lines).";
                return false;
            }
            field.Append(line, position, quote - position);
            position = quote + 1;
            if (position < line.Length && line[position] == '"')
            {
                field.Append('"');
                position++;
                continue;
            }
            error = null;
            return true;
        }
    }
}
