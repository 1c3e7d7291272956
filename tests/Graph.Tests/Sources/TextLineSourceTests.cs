using ActorStream.Graph.Operators;
using ActorStream.Graph.Sources;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.Sources;

public sealed class TextLineSourceTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("graph-tests-");

    public TextLineSourceTests()
    {
        Write("b.txt", "b1\nb2\n");
        Write("a.txt", "a1\r\na2");
        Write("c.txt", "c1\n");
        Write(".hidden", "never");
        Write("_in-progress", "never");
    }

    public void Dispose() => _dir.Delete(recursive: true);

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_dir.FullName, name), text);

    private IReadOnlyList<string> Read(string path, int subtaskIndex, int parallelism)
    {
        var harness = SourceOperatorHarness<string>.Create(new TextLineSource(path),
            context: OperatorContext.ForTest(subtaskIndex: subtaskIndex, parallelism: parallelism)).Open();
        harness.RunToEnd();
        harness.Close();
        return harness.Values;
    }

    [Fact]
    public void A_directory_should_be_read_file_by_file_in_name_order_skipping_hidden_files()
    {
        Assert.Equal(["a.txt", "b.txt", "c.txt"], new TextLineSource(_dir.FullName).Files().Select(Path.GetFileName));
        Assert.Equal(["a1", "a2", "b1", "b2", "c1"], Read(_dir.FullName, 0, 1));
    }

    [Fact]
    public void Subtasks_should_read_every_parallelism_th_file()
    {
        Assert.Equal(["a1", "a2", "c1"], Read(_dir.FullName, 0, 2));
        Assert.Equal(["b1", "b2"], Read(_dir.FullName, 1, 2));
    }

    [Fact]
    public void A_single_file_should_be_its_only_split()
    {
        var file = Path.Combine(_dir.FullName, "b.txt");

        Assert.Equal(["b1", "b2"], Read(file, 0, 1));
        Assert.Empty(Read(file, 1, 2));
    }

    [Fact]
    public void A_missing_path_should_be_reported()
    {
        var missing = Path.Combine(_dir.FullName, "missing");

        var error = Assert.Throws<FileNotFoundException>(() => new TextLineSource(missing).Files());

        Assert.Equal($"The input path '{missing}' is neither a file nor a directory.", error.Message);
    }

    [Fact]
    public void ReadTextFile_should_name_the_source_after_the_file()
    {
        var env = StreamExecutionEnvironment.Create();

        var lines = env.ReadTextFile(Path.Combine(_dir.FullName, "a.txt"));

        Assert.Equal("ReadTextFile(a.txt)", lines.Transformation.Name);
    }
}
