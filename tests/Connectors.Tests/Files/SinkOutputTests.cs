namespace ActorStream.Connectors.Tests.Files;

/// <summary>Base of the file sink tests: a fresh output directory per test, and what is visible or hidden in it.</summary>
public abstract class SinkOutputTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "actorstream-filesink-" + Guid.NewGuid().ToString("N"));

    /// <summary>The sink's output directory (not created up front).</summary>
    protected string Output => Path.Combine(_root, "out");

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>The visible (committed) files, by name.</summary>
    protected List<string> VisibleFiles() => Names(f => !f.StartsWith('.'));

    /// <summary>The hidden (in-progress or pending) files, by name.</summary>
    protected List<string> HiddenFiles() => Names(f => f.StartsWith('.'));

    /// <summary>The content of the output file <paramref name="name"/>.</summary>
    protected string Read(string name) => File.ReadAllText(Path.Combine(Output, name));

    private List<string> Names(Func<string, bool> filter) =>
        Directory.EnumerateFiles(Output).Select(f => Path.GetFileName(f)!).Where(filter).Order(StringComparer.Ordinal).ToList();
}
