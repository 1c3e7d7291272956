using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using ActorStream.Graph.Runtime;

namespace ActorStream.Connectors.Formats;

/// <summary>JSON Lines: one JSON document per line, read and written with System.Text.Json.</summary>
public static class JsonLines
{
    /// <summary>
    /// Web defaults (camelCase names, case-insensitive reading) that also reject a missing constructor
    /// parameter, a null for a non-nullable member and a number written as a string, so mistyped
    /// input fails at decoding, not downstream. Output keeps non-ASCII text readable (files, not HTML).
    /// </summary>
    public static JsonSerializerOptions DefaultOptions { get; } = CreateDefaultOptions();

    /// <summary>Decodes <paramref name="line"/> with <see cref="DefaultOptions"/>; false with a message when it is invalid.</summary>
    public static bool TryDecode<T>(string line, [MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out string? error) =>
        TryDecode(line, DefaultOptions, out value, out error);

    /// <summary>Decodes <paramref name="line"/> with <paramref name="options"/>; false with a message when it is invalid.</summary>
    public static bool TryDecode<T>(string line, JsonSerializerOptions options,
        [MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(line))
        {
            error = $"Empty line where a JSON {TypeNames.Readable(typeof(T))} was expected.";
            return false;
        }
        try
        {
            value = JsonSerializer.Deserialize<T>(line, options);
        }
        catch (JsonException e)
        {
            // Only data errors become results; NotSupportedException (an unserializable T) is a bug and still throws.
            error = $"Invalid JSON for {TypeNames.Readable(typeof(T))}: {e.Message}";
            return false;
        }
        if (value is null)
        {
            error = $"The line is JSON null where a {TypeNames.Readable(typeof(T))} was expected.";
            return false;
        }
        error = null;
        return true;
    }

    /// <summary>Decodes <paramref name="line"/> with <see cref="DefaultOptions"/> into a result.</summary>
    public static Decoded<T> Decode<T>(string line) => Decode<T>(line, DefaultOptions);

    /// <summary>Decodes <paramref name="line"/> with <paramref name="options"/> into a result.</summary>
    public static Decoded<T> Decode<T>(string line, JsonSerializerOptions options) =>
        TryDecode<T>(line, options, out var value, out var error) ? Decoded<T>.Success(value) : Decoded<T>.Failure(error);

    /// <summary>Encodes <paramref name="value"/> as one line (without the line break) with <see cref="DefaultOptions"/>.</summary>
    public static string Encode<T>(T value) => JsonSerializer.Serialize(value, DefaultOptions);

    /// <summary>Encodes <paramref name="value"/> with <paramref name="options"/>, which must not indent.</summary>
    public static string Encode<T>(T value, JsonSerializerOptions options) => JsonSerializer.Serialize(value, options);

    private static JsonSerializerOptions CreateDefaultOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
