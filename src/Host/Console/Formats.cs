using System.Globalization;

namespace ActorStream.Host.Console;

/// <summary>How numbers, money and durations look in the console: invariant, with thousands separators.</summary>
internal static class Formats
{
    /// <summary>A count with thousands separators: 12,345.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A rate with thousands separators: 5,012/s.</summary>
    public static string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture) + "/s";

    /// <summary>An amount of money in dollars: $1,234.50.</summary>
    public static string Money(decimal value) => "$" + value.ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>A duration in seconds with milliseconds: 1.234 s.</summary>
    public static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + " s";

    /// <summary>Elapsed whole seconds, padded for aligned log lines: "[  7s]".</summary>
    public static string Elapsed(TimeSpan elapsed) => $"[{(int)elapsed.TotalSeconds,3}s]";
}
