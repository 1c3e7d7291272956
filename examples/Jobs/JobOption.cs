namespace ActorStream.Examples;

/// <summary>An option of an example job, named without dashes ("input" is given as --input).</summary>
public sealed record JobOption(string Name, string Description, bool Required = false, string? Default = null)
{
    /// <summary>The option as typed on a command line, e.g. "--input".</summary>
    public string Flag => "--" + Name;
}
