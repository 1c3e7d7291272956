using System.Text.Encodings.Web;
using System.Text.Json;
using ActorStream.Connectors.Formats;

namespace ActorStream.Examples.Demo;

/// <summary>The demo's JSON settings: <see cref="JsonLines.DefaultOptions"/> without HTML-safe escaping, so "Levi's" stays readable in files.</summary>
public static class DemoJson
{
    /// <summary>Options for one-line records (JSON lines).</summary>
    public static JsonSerializerOptions Lines { get; } = Create(indented: false);

    /// <summary>Options for indented documents such as summary.json.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    /// <summary>One JSON line for <paramref name="value"/>.</summary>
    public static string Encode<T>(T value) => JsonLines.Encode(value, Lines);

    private static JsonSerializerOptions Create(bool indented)
    {
        // The output is data files, never embedded in HTML, so only what JSON itself requires is escaped.
        var options = new JsonSerializerOptions(JsonLines.DefaultOptions)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
