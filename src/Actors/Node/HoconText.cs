namespace ActorStream.Actors.Node;

/// <summary>Writes values into HOCON text safely.</summary>
public static class HoconText
{
    /// <summary>A quoted HOCON string for <paramref name="value"/> (paths and connection strings may contain any character).</summary>
    public static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "\"";
}
