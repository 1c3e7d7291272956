using System.Globalization;
using System.Text.RegularExpressions;

namespace ActorStream.Connectors.Files;

/// <summary>
/// The names of a file sink's parts: <c>part-s-n</c> plus the suffix once committed, and
/// <c>.part-s-n</c> plus the suffix and <c>.inprogress</c> while hidden (in progress or pending).
/// </summary>
internal sealed class PartFileNaming(string suffix)
{
    private const string HiddenEnding = ".inprogress";

    private readonly Regex _final = new($@"^part-(\d+)-(\d+){Regex.Escape(suffix)}$", RegexOptions.CultureInvariant);
    private readonly Regex _hidden = new($@"^\.part-(\d+)-(\d+){Regex.Escape(suffix)}{Regex.Escape(HiddenEnding)}$", RegexOptions.CultureInvariant);

    /// <summary>The visible name of part <paramref name="partNumber"/> of subtask <paramref name="subtask"/>.</summary>
    public string Final(int subtask, int partNumber) => $"part-{subtask}-{partNumber}{suffix}";

    /// <summary>The hidden name the part has until it is committed.</summary>
    public string Hidden(int subtask, int partNumber) => $".{Final(subtask, partNumber)}{HiddenEnding}";

    /// <summary>Reads the subtask and part number from a visible part name.</summary>
    public bool TryParseFinal(string name, out int subtask, out int partNumber) => TryParse(_final, name, out subtask, out partNumber);

    /// <summary>Reads the subtask and part number from a hidden part name.</summary>
    public bool TryParseHidden(string name, out int subtask, out int partNumber) => TryParse(_hidden, name, out subtask, out partNumber);

    private static bool TryParse(Regex pattern, string name, out int subtask, out int partNumber)
    {
        subtask = partNumber = 0;
        var match = pattern.Match(name);
        return match.Success
            && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out subtask)
            && int.TryParse(match.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out partNumber);
    }
}
