using System.Text.Encodings.Web;
using System.Text.Json;
using ActorStream.Connectors.Formats;

namespace ActorStream.Bench.Nexmark.Json;

/// <summary>How result rows are written: JSON lines with the SQL's lower-camel-case column names.</summary>
public static class NexmarkJson
{
    /// <summary>
    /// <see cref="JsonLines.DefaultOptions"/> (camelCase names) with only the escaping JSON requires: the padding strings
    /// hold characters such as '`' that the default encoder would spell as \u0060.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>One JSON line for <paramref name="value"/>.</summary>
    public static string Encode<T>(T value) => JsonLines.Encode(value, Options);

    /// <summary>The same options for a <see cref="Utf8JsonWriter"/>.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonLines.DefaultOptions) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
