namespace ActorStream.Host;

/// <summary>Where a command writes: results to <see cref="Out"/>, progress and errors to <see cref="Error"/>.</summary>
/// <param name="Out">Standard output: results and summaries.</param>
/// <param name="Error">Standard error: progress lines and error messages.</param>
/// <param name="IsTerminal">True when <see cref="Out"/> is an interactive terminal, which can show live displays.</param>
public sealed record HostConsole(TextWriter Out, TextWriter Error, bool IsTerminal)
{
    /// <summary>Writes "error: <paramref name="message"/>" to <see cref="Error"/> and returns <paramref name="exitCode"/>.</summary>
    public int Fail(int exitCode, string message)
    {
        Error.WriteLine($"error: {message}");
        return exitCode;
    }
}
