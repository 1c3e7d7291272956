using System.Text;
using ActorStream.Graph.Sources;

namespace ActorStream.Graph.Tests.Sources;

public sealed class TextLineSourceReplayTests : IDisposable
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("graph-replay-");

    public TextLineSourceReplayTests()
    {
        // Multi-byte characters (2, 3 and 4 bytes), CRLF, an empty line, a BOM and no final line feed.
        Write("a.txt", [.. Bom, .. Encoding.UTF8.GetBytes("añb\r\nçé€\r\n\r\n𝄞 clef")]);
        Write("b.txt", Encoding.UTF8.GetBytes("x1\nx2\n"));
        Write("c.txt", []);
        Write("d.txt", [.. Bom, .. Encoding.UTF8.GetBytes("only\r\n")]);
        Write("e.txt", Encoding.UTF8.GetBytes("e1\ne2\ne3"));
    }

    private static readonly string[] AllLines = ["añb", "çé€", "", "𝄞 clef", "x1", "x2", "only", "e1", "e2", "e3"];

    public void Dispose() => _dir.Delete(recursive: true);

    private void Write(string name, byte[] bytes) => File.WriteAllBytes(Path.Combine(_dir.FullName, name), bytes);

    private TextLineSource Source => new(_dir.FullName);

    [Fact]
    public void Lines_should_decode_utf8_with_crlf_bom_and_a_last_line_without_line_feed()
    {
        var lines = SourceReplay.Read(SourceReplay.Open(Source, 0, 1));

        Assert.Equal(AllLines, lines);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 3)]
    [InlineData(2, 2)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(5, 4)]
    public void Restored_readers_should_emit_exactly_the_lines_not_emitted_before(int parallelism, int restoredParallelism)
    {
        for (var taken = 0; taken <= AllLines.Length; taken++)
        {
            var (before, states) = SourceReplay.ReadThenSnapshot(Source, parallelism, _ => taken);

            var after = SourceReplay.ReadRestored(Source, states, restoredParallelism);

            Assert.Equal(AllLines.Order(StringComparer.Ordinal), before.Concat(after).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void A_reader_should_resume_right_after_the_last_line_it_emitted_in_the_same_file()
    {
        var (before, states) = SourceReplay.ReadThenSnapshot(Source, 1, _ => 2);

        var after = SourceReplay.Read(SourceReplay.Open(Source, 0, 1, states));

        Assert.Equal(["añb", "çé€"], before);
        Assert.Equal(AllLines[2..], after);
    }

    [Fact]
    public void Finished_files_should_stay_finished_through_a_chain_of_rescaled_restores()
    {
        var (first, states) = SourceReplay.ReadThenSnapshot(Source, 2, i => i == 0 ? 6 : 1);
        var (second, again) = SourceReplay.ReadThenSnapshot(Source, 3, _ => 1, states);
        var third = SourceReplay.ReadRestored(Source, again, 1);

        Assert.Equal(AllLines.Order(StringComparer.Ordinal), first.Concat(second).Concat(third).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_line_longer_than_the_read_buffer_should_be_read_whole_and_resumed_after()
    {
        var dir = _dir.CreateSubdirectory("long");
        var longLine = string.Concat(Enumerable.Repeat("é0123456789", 20_000));
        File.WriteAllText(Path.Combine(dir.FullName, "long.txt"), $"first\n{longLine}\nlast\n");
        var source = new TextLineSource(dir.FullName);

        var (before, states) = SourceReplay.ReadThenSnapshot(source, 1, _ => 2);

        Assert.Equal(["first", longLine], before);
        Assert.Equal(["last"], SourceReplay.ReadRestored(source, states, 1));
    }

    [Fact]
    public void A_single_file_source_should_resume_by_its_file_name()
    {
        var source = new TextLineSource(Path.Combine(_dir.FullName, "e.txt"));
        var (before, states) = SourceReplay.ReadThenSnapshot(source, 1, _ => 1);

        Assert.Equal(["e1"], before);
        Assert.Equal(["e2", "e3"], SourceReplay.ReadRestored(source, states, 2));
    }

    [Fact]
    public void A_utf16_file_should_be_rejected_with_a_clear_message()
    {
        var dir = _dir.CreateSubdirectory("utf16");
        File.WriteAllText(Path.Combine(dir.FullName, "wide.txt"), "wide", Encoding.Unicode);

        var error = Assert.Throws<NotSupportedException>(() => SourceReplay.Read(SourceReplay.Open(new TextLineSource(dir.FullName), 0, 1)));

        Assert.Contains("text file sources read UTF-8", error.Message);
    }
}
