using System.Text;
using ActorStream.Connectors.Files;
using ActorStream.Connectors.Formats;
using ActorStream.Connectors.Tests.TestDoubles;
using ActorStream.Graph;
using ActorStream.Graph.Sources;

namespace ActorStream.Connectors.Tests.Files;

public sealed class FileSinkTests : SinkOutputTests
{
    private static void WriteAll<T>(ISinkWriter<T> writer, params T[] values)
    {
        foreach (var value in values)
            writer.Write(value, long.MinValue);
    }

    [Fact]
    public void Part_should_stay_hidden_until_the_end_of_input_then_hold_exactly_the_records()
    {
        var sink = new FileSink<int>(Output, suffix: ".txt");
        using var writer = sink.CreateWriter(TestRuntimeContext.SinkContext());
        WriteAll(writer, 1, 2, 3);
        writer.Flush(endOfInput: false);

        Assert.Empty(VisibleFiles());
        Assert.Equal([".part-0-0.txt.inprogress"], HiddenFiles());
        Assert.Equal("1\n2\n3\n", Read(".part-0-0.txt.inprogress"));

        writer.Flush(endOfInput: true);

        Assert.Equal(["part-0-0.txt"], VisibleFiles());
        Assert.Empty(HiddenFiles());
        Assert.Equal("1\n2\n3\n", Read("part-0-0.txt"));
    }

    [Fact]
    public void Dispose_without_end_of_input_should_leave_no_visible_part()
    {
        var sink = new FileSink<string>(Output, maxPartBytes: 4);
        var writer = sink.CreateWriter(TestRuntimeContext.SinkContext(subtask: 1, parallelism: 2));
        WriteAll(writer, "abc", "def", "g");
        writer.Flush(endOfInput: false);

        writer.Dispose();

        Assert.Empty(VisibleFiles());
        Assert.Equal([".part-1-0.inprogress", ".part-1-1.inprogress", ".part-1-2.inprogress"], HiddenFiles());
        Assert.Empty(new TextLineSource(Output).Files());
    }

    [Fact]
    public void Part_should_roll_to_the_next_when_it_reaches_the_size_limit()
    {
        var sink = new FileSink<string>(Output, maxPartBytes: 10);
        using var writer = sink.CreateWriter(TestRuntimeContext.SinkContext());

        WriteAll(writer, "aaaa", "bbbb", "cccc", "dddd", "eeeeeeeeeeee", "f");
        writer.Flush(endOfInput: true);

        Assert.Equal(["part-0-0", "part-0-1", "part-0-2", "part-0-3"], VisibleFiles());
        Assert.Equal("aaaa\nbbbb\n", Read("part-0-0"));
        Assert.Equal("cccc\ndddd\n", Read("part-0-1"));
        Assert.Equal("eeeeeeeeeeee\n", Read("part-0-2"));
        Assert.Equal("f\n", Read("part-0-3"));
    }

    [Fact]
    public void Subtasks_should_write_their_own_parts_that_a_text_source_reads_back()
    {
        var sink = new FileSink<Reading>(Output, JsonLines.Encode, ".jsonl");
        var writers = Enumerable.Range(0, 3).Select(s => sink.CreateWriter(TestRuntimeContext.SinkContext(s, 3))).ToList();
        WriteAll(writers[0], new Reading("a", 1));
        WriteAll(writers[2], new Reading("c", 3), new Reading("d", 4));

        foreach (var writer in writers)
        {
            writer.Flush(endOfInput: true);
            writer.Dispose();
        }

        Assert.Equal(["part-0-0.jsonl", "part-2-0.jsonl"], VisibleFiles());
        var lines = Readers.ReadAll(new TextLineSource(Output), 0, 1);
        Assert.Equal(["""{"name":"a","value":1}""", """{"name":"c","value":3}""", """{"name":"d","value":4}"""], lines);
    }

    [Fact]
    public void Parts_should_be_utf8_without_a_byte_order_mark_and_sized_in_bytes()
    {
        var sink = new FileSink<string>(Output, maxPartBytes: 3);
        using var writer = sink.CreateWriter(TestRuntimeContext.SinkContext());

        WriteAll(writer, "é", "x");
        writer.Flush(endOfInput: true);

        Assert.Equal([0xC3, 0xA9, (byte)'\n'], File.ReadAllBytes(Path.Combine(Output, "part-0-0")));
        Assert.Equal(Encoding.UTF8.GetBytes("x\n"), File.ReadAllBytes(Path.Combine(Output, "part-0-1")));
    }

    [Fact]
    public void Sink_should_create_the_directory_and_overwrite_a_previous_part()
    {
        Assert.False(Directory.Exists(Output));
        var sink = new FileSink<string>(Output);
        foreach (var run in new[] { "first", "second" })
        {
            using var writer = sink.CreateWriter(TestRuntimeContext.SinkContext());
            WriteAll(writer, run);
            writer.Flush(endOfInput: true);
        }

        Assert.Equal("second\n", Read("part-0-0"));
    }

    public sealed record Reading(string Name, int Value);
}
