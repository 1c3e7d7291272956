using System.Globalization;

namespace ActorStream.Examples;

/// <summary>Parses durations as configuration files write them: "500ms", "10s", "2m", "1h", "1d" or "hh:mm:ss".</summary>
public static class Durations
{
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
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero ? span : null;
    }
}
