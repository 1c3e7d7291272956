using System.Globalization;

namespace ActorStream.Examples;

/// <summary>Parses durations as configuration files write them: "500ms", "10s", "2m", "1h", "1d" or "hh:mm:ss".</summary>
public static class Durations
{
    /// <summary>What a duration may look like, for error messages.</summary>
    public const string Accepted = "a number with a unit (ms, s, m, h or d, e.g. 200ms, 10s, 1m) or hh:mm:ss";

    private static readonly (string Unit, TimeSpan Size)[] Units =
    [
        ("ms", TimeSpan.FromMilliseconds(1)),
        ("s", TimeSpan.FromSeconds(1)),
        ("m", TimeSpan.FromMinutes(1)),
        ("h", TimeSpan.FromHours(1)),
        ("d", TimeSpan.FromDays(1)),
    ];

    /// <summary>The duration <paramref name="text"/> denotes, or null; negative durations are rejected.</summary>
    public static TimeSpan? TryParse(string text)
    {
        // "ms" is tried before "s" and "m", so the longest matching unit wins.
        foreach (var (unit, size) in Units)
        {
            if (!text.EndsWith(unit, StringComparison.OrdinalIgnoreCase))
                continue;
            var number = text.AsSpan(0, text.Length - unit.Length).Trim();
            if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var count)
                && double.IsFinite(count) && count >= 0 && count * size.Ticks <= TimeSpan.MaxValue.Ticks)
                return TimeSpan.FromTicks((long)(count * size.Ticks));
            return null;
        }
        // A bare number has no unit: TimeSpan would read "5" as five days, so only hh:mm:ss is left to it.
        return text.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero
            ? span
            : null;
    }
}
