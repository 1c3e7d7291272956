using System.Globalization;
using System.Text.Json;
using ActorStream.Bench.Tests.Support;

namespace ActorStream.Bench.Tests;

/// <summary>
/// Each query's output on ActorStream (parallelism 2) equals its loop baseline's, and both equal a reference computed
/// here from the dumped events with the SQL's semantics. Rows are compared as multisets: subtasks write in parallel.
/// </summary>
[Collection(BenchRunsCollection.Name)]
public sealed class NexmarkSemanticSpecs
{
    private const int Events = 100_000;

    [Theory]
    [InlineData("q0")]
    [InlineData("q1")]
    [InlineData("q2")]
    public async Task Actorstream_output_should_equal_the_loop_output_and_the_reference_from_the_dumped_events(string query)
    {
        using var temp = new TempDirectory();
        var dump = temp.Combine("events.jsonl");

        var engine = await CliRun.InvokeAsync("bench", "nexmark", "--query", query, "--events", $"{Events}", "--parallelism", "2",
            "--output", temp.Combine("actorstream"), "--dump-events", dump);
        var loop = await CliRun.InvokeAsync("bench", "nexmark", "--query", query, "--events", $"{Events}", "--engine", "loop",
            "--output", temp.Combine("loop"));

        Assert.True(engine.ExitCode == 0, engine.ToString());
        Assert.True(loop.ExitCode == 0, loop.ToString());
        var engineLines = ReadLines(temp.Combine("actorstream"));
        var loopLines = ReadLines(temp.Combine("loop"));
        Assert.Equal(2, Directory.GetFiles(temp.Combine("actorstream"), "part-*").Length);
        Assert.Equal(Sorted(loopLines), Sorted(engineLines));

        var expected = Reference(query, File.ReadLines(dump));
        Assert.NotEmpty(expected);
        Assert.Equal(Sorted(expected), Sorted(engineLines.Select(line => Row(query, line))));
    }

    /// <summary>The query applied to the dumped events, straight from its SQL, as canonical rows.</summary>
    private static List<string> Reference(string query, IEnumerable<string> dumpedEvents)
    {
        var rows = new List<string>();
        foreach (var line in dumpedEvents)
        {
            using var e = JsonDocument.Parse(line);
            var root = e.RootElement;
            // The bid view: SELECT ... FROM datagen WHERE event_type = 2.
            if (root.GetProperty("type").GetString() != "bid")
                continue;
            var auction = root.GetProperty("auction").GetInt64();
            var bidder = root.GetProperty("bidder").GetInt64();
            var price = root.GetProperty("price").GetInt64();
            var dateTime = root.GetProperty("dateTime").GetInt64();
            var extra = root.GetProperty("extra").GetString();
            switch (query)
            {
                case "q0":
                    rows.Add($"{auction}|{bidder}|{price}|{dateTime}|{extra}");
                    break;
                case "q1":
                    // 0.908 * price as DECIMAL(23, 3): price * 908 thousandths, exact, printed with three places.
                    var thousandths = price * 908;
                    rows.Add($"{auction}|{bidder}|{thousandths / 1000}.{thousandths % 1000:D3}|{dateTime}|{extra}");
                    break;
                case "q2":
                    if (auction % 123 == 0)
                        rows.Add($"{auction}|{price}");
                    break;
            }
        }
        return rows;
    }

    /// <summary>An output line as a canonical row; numbers as written, so q1's price must carry exactly three places.</summary>
    private static string Row(string query, string line)
    {
        using var row = JsonDocument.Parse(line);
        var root = row.RootElement;
        var names = root.EnumerateObject().Select(p => p.Name).ToList();
        string Raw(string name) => root.GetProperty(name).ValueKind == JsonValueKind.String
            ? root.GetProperty(name).GetString()!
            : root.GetProperty(name).GetRawText();
        if (query == "q2")
        {
            Assert.Equal(["auction", "price"], names);
            return $"{Raw("auction")}|{Raw("price")}";
        }
        Assert.Equal(["auction", "bidder", "price", "dateTime", "extra"], names);
        return $"{Raw("auction")}|{Raw("bidder")}|{Raw("price")}|{Raw("dateTime")}|{Raw("extra")}";
    }

    private static List<string> ReadLines(string directory) =>
        Directory.GetFiles(directory, "part-*.jsonl").SelectMany(File.ReadLines).ToList();

    private static List<string> Sorted(IEnumerable<string> rows) => rows.Order(StringComparer.Ordinal).ToList();
}
