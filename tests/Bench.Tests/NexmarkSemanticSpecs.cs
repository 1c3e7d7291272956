using System.Text.Json;
using ActorStream.Bench.Tests.Support;

namespace ActorStream.Bench.Tests;

/// <summary>
/// Each query's output on ActorStream (parallelism 2) and on Akka.Streams equals its loop baseline's, and all equal a
/// reference computed here from the dumped events with the SQL's semantics. Rows are compared as multisets: subtasks
/// write in parallel.
/// </summary>
[Collection(BenchRunsCollection.Name)]
public sealed class NexmarkSemanticSpecs
{
    private const int Events = 100_000;

    [Theory]
    [InlineData("q0")]
    [InlineData("q1")]
    [InlineData("q2")]
    [InlineData("q3")]
    [InlineData("q4")]
    [InlineData("q5")]
    [InlineData("q7")]
    [InlineData("q8")]
    [InlineData("q11")]
    public async Task Actorstream_and_akka_streams_output_should_equal_the_loop_output_and_the_reference_from_the_dumped_events(string query)
    {
        using var temp = new TempDirectory();
        var dump = temp.Combine("events.jsonl");

        var engine = await CliRun.InvokeAsync("bench", "nexmark", "--query", query, "--events", $"{Events}", "--parallelism", "2",
            "--output", temp.Combine("actorstream"), "--dump-events", dump);
        var loop = await CliRun.InvokeAsync("bench", "nexmark", "--query", query, "--events", $"{Events}", "--engine", "loop",
            "--output", temp.Combine("loop"));
        var akkaStreams = await CliRun.InvokeAsync("bench", "nexmark", "--query", query, "--events", $"{Events}", "--engine", "akka-streams",
            "--output", temp.Combine("akka-streams"));

        Assert.True(engine.ExitCode == 0, engine.ToString());
        Assert.True(loop.ExitCode == 0, loop.ToString());
        Assert.True(akkaStreams.ExitCode == 0, akkaStreams.ToString());
        var engineLines = ReadLines(temp.Combine("actorstream"));
        var loopLines = ReadLines(temp.Combine("loop"));
        var akkaStreamsLines = ReadLines(temp.Combine("akka-streams"));
        // Each sink subtask writes a part when it has rows; a keyed query with few keys (q7's windows) may fill only one.
        Assert.InRange(Directory.GetFiles(temp.Combine("actorstream"), "part-*").Length, query is "q0" or "q1" or "q2" ? 2 : 1, 2);
        Assert.Equal(Sorted(loopLines), Sorted(engineLines));
        // One sink stage writes the materialized stream's rows, into the loop's part file.
        Assert.Equal("part-0-0.jsonl", Path.GetFileName(Assert.Single(Directory.GetFiles(temp.Combine("akka-streams"), "part-*"))));
        Assert.Equal(Sorted(loopLines), Sorted(akkaStreamsLines));

        var events = DumpedEvents.Read(dump);
        AssertNoEventIsLate(events.Times);
        var expected = NexmarkReference.Rows(query, events);
        Assert.NotEmpty(expected);
        Assert.Equal(Sorted(expected), Sorted(engineLines.Select(line => Row(query, line))));
        Assert.Equal(Sorted(expected), Sorted(akkaStreamsLines.Select(line => Row(query, line))));
    }

    /// <summary>An output line as a canonical row, checking the column names; numbers as written, so q1's price must carry exactly three places.</summary>
    private static string Row(string query, string line)
    {
        using var row = JsonDocument.Parse(line);
        var root = row.RootElement;
        var columns = NexmarkReference.Columns[query];
        Assert.Equal(columns, root.EnumerateObject().Select(p => p.Name).ToArray());
        return string.Join('|', columns.Select(name => root.GetProperty(name) is var value && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : value.GetRawText()));
    }

    /// <summary>With the source's watermark (largest timestamp - 4 s - 1 ms) no event falls behind it, so none is dropped as late.</summary>
    private static void AssertNoEventIsLate(IEnumerable<long> times)
    {
        var max = long.MinValue;
        foreach (var time in times)
        {
            Assert.True(max == long.MinValue || time > max - 4_001, $"An event at {time} is late after one at {max}.");
            max = Math.Max(max, time);
        }
    }

    private static List<string> ReadLines(string directory) =>
        Directory.GetFiles(directory, "part-*.jsonl").SelectMany(File.ReadLines).ToList();

    private static List<string> Sorted(IEnumerable<string> rows) => rows.Order(StringComparer.Ordinal).ToList();
}
