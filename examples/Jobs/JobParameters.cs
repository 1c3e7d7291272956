using System.Globalization;

namespace ActorStream.Examples;

/// <summary>
/// The option values a job was started with, as Flink's ParameterTool: string values with typed
/// getters that fall back to the option's declared default and fail with a message naming the option.
/// </summary>
public sealed class JobParameters
{
    private readonly IReadOnlyDictionary<string, string> _values;
    private readonly Dictionary<string, JobOption> _options;

    /// <summary>Wraps <paramref name="values"/> by option name (without dashes); <paramref name="options"/> supply defaults.</summary>
    public JobParameters(IReadOnlyDictionary<string, string> values, IEnumerable<JobOption>? options = null)
    {
        _values = values;
        _options = (options ?? []).ToDictionary(o => o.Name, StringComparer.Ordinal);
    }

    /// <summary>True when <paramref name="name"/> was given or has a default.</summary>
    public bool Has(string name) => Get(name) is not null;

    /// <summary>True when the flag option <paramref name="name"/> was given.</summary>
    public bool IsSet(string name) => Get(name) is { } value && !value.Equals("false", StringComparison.OrdinalIgnoreCase);

    /// <summary>The value of <paramref name="name"/>, else its declared default, else null.</summary>
    public string? Get(string name) =>
        _values.TryGetValue(name, out var value) ? value : _options.GetValueOrDefault(name)?.Default;

    /// <summary>The value of <paramref name="name"/>, else its declared default, else <paramref name="defaultValue"/>.</summary>
    public string Get(string name, string defaultValue) => Get(name) ?? defaultValue;

    /// <summary>The value of <paramref name="name"/> or its default; throws when there is neither or it is blank.</summary>
    public string GetRequired(string name)
    {
        var value = Get(name) ?? throw new JobParameterException(name, "this option is required.");
        return string.IsNullOrWhiteSpace(value) ? throw new JobParameterException(name, "the value must not be empty.") : value;
    }

    /// <summary>A required option naming an existing file or directory.</summary>
    public string GetExistingPath(string name)
    {
        var path = GetRequired(name);
        if (!File.Exists(path) && !Directory.Exists(path))
            throw new JobParameterException(name, $"'{path}' is neither a file nor a directory.");
        return path;
    }

    /// <summary>The value of <paramref name="name"/> as an integer; required unless <paramref name="defaultValue"/> is given.</summary>
    public int GetInt(string name, int? defaultValue = null) =>
        Parse(name, defaultValue, "a whole number", s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null);

    /// <summary>The value of <paramref name="name"/> as a long; required unless <paramref name="defaultValue"/> is given.</summary>
    public long GetLong(string name, long? defaultValue = null) =>
        Parse(name, defaultValue, "a whole number", s => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null);

    /// <summary>The value of <paramref name="name"/> as a long, or null when it was not given and has no default.</summary>
    public long? GetOptionalLong(string name) => Has(name) ? GetLong(name) : null;

    /// <summary>The value of <paramref name="name"/> as a finite number; required unless <paramref name="defaultValue"/> is given.</summary>
    public double GetDouble(string name, double? defaultValue = null) =>
        Parse(name, defaultValue, "a number", s =>
            double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null);

    /// <summary>The value of <paramref name="name"/> as a duration ("500ms", "10s", "2m", "1h" or "hh:mm:ss").</summary>
    public TimeSpan GetDuration(string name, TimeSpan? defaultValue = null) =>
        Parse(name, defaultValue, Durations.Accepted, Durations.TryParse);

    /// <summary>The option as typed on a command line: "--" + <paramref name="name"/>.</summary>
    public static string Flag(string name) => "--" + name;

    private T Parse<T>(string name, T? defaultValue, string expected, Func<string, T?> parse) where T : struct
    {
        if (Get(name) is not { } text)
            return defaultValue ?? throw new JobParameterException(name, "this option is required.");
        return parse(text.Trim()) ?? throw new JobParameterException(name, $"'{text}' is not {expected}.");
    }
}
