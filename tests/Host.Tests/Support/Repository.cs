namespace ActorStream.Host.Tests.Support;

/// <summary>The checkout the tests were built from.</summary>
public static class Repository
{
    /// <summary>The directory that holds ActorStream.sln, above the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActorStream.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No ActorStream.sln above {AppContext.BaseDirectory}.");
    }
}
