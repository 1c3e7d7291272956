namespace ActorStream.Host;

/// <summary>The process exit codes of <c>actorstream</c>.</summary>
public static class ExitCodes
{
    /// <summary>The command succeeded.</summary>
    public const int Success = 0;

    /// <summary>The command line or a job option is invalid (also what System.CommandLine returns for parse errors).</summary>
    public const int InvalidInput = 1;

    /// <summary>The job failed while running.</summary>
    public const int JobFailed = 2;

    /// <summary>The job was cancelled, e.g. with Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
