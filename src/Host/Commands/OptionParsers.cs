using System.CommandLine.Parsing;
using System.Globalization;

namespace ActorStream.Host.Commands;

/// <summary>Parsers for numeric options whose errors name the option and the accepted range, instead of a .NET type name.</summary>
internal static class OptionParsers
{
    /// <summary>The whole number from <paramref name="min"/> to <paramref name="max"/> given for <paramref name="option"/>.</summary>
    public static int Int(ArgumentResult result, string option, int min, int max)
    {
        var text = Token(result);
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        result.AddError($"{option}: '{text}' is not a whole number from {min} to {max}.");
        return min;
    }

    /// <summary>The positive, finite number given for <paramref name="option"/>.</summary>
    public static double PositiveNumber(ArgumentResult result, string option)
    {
        var text = Token(result);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value))
            return value;
        result.AddError($"{option}: '{text}' is not a positive number.");
        return 1;
    }

    /// <summary>The duration of at least <paramref name="min"/> given for <paramref name="option"/>; a bare number (no unit) is an error.</summary>
    public static TimeSpan? Duration(ArgumentResult result, string option, TimeSpan min)
    {
        var text = Token(result);
        if (ActorStream.Examples.Durations.TryParse(text) is { } duration && duration >= min)
            return duration;
        result.AddError($"{option}: '{text}' is not a duration of at least {min.TotalMilliseconds:0}ms: give {ActorStream.Examples.Durations.Accepted}.");
        return null;
    }

    /// <summary>
    /// The byte count of at least <paramref name="min"/> given for <paramref name="option"/>: a whole number of bytes, or one with
    /// a binary unit (KiB, MiB; K and M are read the same).
    /// </summary>
    public static int Bytes(ArgumentResult result, string option, int min)
    {
        var text = Token(result);
        var trimmed = text.Trim();
        var multiplier = 1L;
        foreach (var (suffix, factor) in ByteUnits)
        {
            if (trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                trimmed = trimmed[..^suffix.Length];
                multiplier = factor;
                break;
            }
        }
        if (long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value * multiplier is var bytes
            && bytes >= min && bytes <= int.MaxValue)
            return (int)bytes;
        result.AddError($"{option}: '{text}' is not a byte count from {min} to {int.MaxValue}: give bytes (262144) or KiB/MiB (256KiB, 1MiB).");
        return min;
    }

    private static readonly (string Suffix, long Factor)[] ByteUnits = [("KiB", 1024), ("MiB", 1024 * 1024), ("K", 1024), ("M", 1024 * 1024)];

    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
}
