namespace ActorStream.Examples;

/// <summary>A job option is missing or invalid; the message names the option as typed (e.g. "--input").</summary>
public sealed class JobParameterException(string option, string message)
    : Exception($"{JobParameters.Flag(option)}: {message}")
{
    /// <summary>The option's name, without dashes.</summary>
    public string Option { get; } = option;
}
