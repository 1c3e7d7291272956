namespace ActorStream.Examples;

/// <summary>
/// An option of an example job, named without dashes ("input" is given as --input). <paramref name="IsPath"/>
/// options name files or directories: a client that submits the job to a cluster makes them absolute.
/// <paramref name="IsFlag"/> options take no value: given, they are "true".
/// </summary>
public sealed record JobOption(string Name, string Description, bool Required = false, string? Default = null, bool IsPath = false,
    bool IsFlag = false)
{
    /// <summary>The option as typed on a command line, e.g. "--input".</summary>
    public string Flag => "--" + Name;
}
