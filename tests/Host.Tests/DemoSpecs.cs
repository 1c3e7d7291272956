using System.Globalization;
using System.Text.Json;
using ActorStream.Examples.Clicks;
using ActorStream.Examples.Demo;
using ActorStream.Host.Tests.Support;

namespace ActorStream.Host.Tests;

[Collection(JobRunsCollection.Name)]
public sealed class DemoSpecs
{
    [Fact]
    public async Task Demo_with_redirected_output_should_log_plain_lines_drain_and_write_consistent_results()
    {
        using var temp = new TempDirectory();
        var output = temp.Combine("out", "demo");
        Directory.CreateDirectory(Path.Combine(output, "windows"));
        await File.WriteAllTextAsync(Path.Combine(output, "windows", "part-9-9.jsonl"), "left over from an earlier run\n");

        var run = await CliRun.InvokeAsync("demo", "--seconds", "3", "--rate", "3000", "--parallelism", "2", "--output", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(run.Out.Split('\n'), line => line.StartsWith("[  ", StringComparison.Ordinal) && line.Contains(" events ("));
        Assert.DoesNotContain("\u001b[", run.Out); // no ANSI escapes when redirected

        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "summary.json")));
        var root = summary.RootElement;
        var events = root.GetProperty("events").GetInt64();
        var valid = root.GetProperty("validEvents").GetInt64();
        var rejected = root.GetProperty("rejectedEvents").GetInt64();
        var totals = root.GetProperty("totals");
        Assert.True(events > 3_000, $"Only {events} events in 3 s at 3,000/s.");
        Assert.Equal(events, valid + rejected);
        Assert.True(rejected > 0);
        // Every valid event is in exactly one item's window: the leaderboard and the counters agree.
        Assert.Equal(valid, totals.GetProperty("clicks").GetInt64() + totals.GetProperty("carts").GetInt64() + totals.GetProperty("buys").GetInt64());

        // The file sink drained too: every window closed at the end of input, with one final line per item and window.
        var windows = ReadWindows(output);
        Assert.Equal(valid, windows.Sum(w => w.Clicks + w.Carts + w.Buys));
        Assert.Equal(root.GetProperty("windows").GetInt32(), windows.Select(w => w.WindowStart).Distinct().Count());
        Assert.All(windows, w => Assert.True(w.WindowEnd - w.WindowStart == 60_000 && w.WindowStart % 60_000 == 0, $"{w} is not a one-minute window."));
        // The summary's top 10 are the leading item totals summed over the windows in the files.
        var expectedTop = windows.GroupBy(w => w.Item)
            .Select(g => new ItemTotals(g.Key, g.Sum(w => w.Clicks), g.Sum(w => w.Carts), g.Sum(w => w.Buys), g.Sum(w => w.Revenue)))
            .Order(ItemTotals.ByRevenue).Take(10)
            .Select(t => (t.Item, t.Revenue));
        var top = root.GetProperty("top10").EnumerateArray()
            .Select(e => (e.GetProperty("item").GetString()!, e.GetProperty("revenue").GetDecimal()));
        Assert.Equal(expectedTop, top);

        Assert.Equal(rejected, CountLines(Path.Combine(output, "rejected")));
        // Each rejected event comes with the reason next to it, the reason the cleaning step gives for that event.
        Assert.All(Directory.GetFiles(Path.Combine(output, "rejected")).SelectMany(File.ReadLines), line =>
        {
            var letter = JsonDocument.Parse(line).RootElement;
            var clickEvent = JsonSerializer.Deserialize<ClickEvent>(letter.GetProperty("line").GetString()!, DemoJson.Lines)!;
            Assert.Equal(CleanClicks.Problem(clickEvent), letter.GetProperty("error").GetString());
        });
        Assert.DoesNotContain(Directory.GetFiles(output, "*", SearchOption.AllDirectories), f => Path.GetFileName(f).StartsWith('.'));
        Assert.False(File.Exists(Path.Combine(output, "windows", "part-9-9.jsonl")));
    }

    [Fact]
    public async Task Run_demo_clicks_with_a_count_should_finish_on_its_own_with_every_event_accounted_for()
    {
        using var temp = new TempDirectory();
        var output = temp.Combine("demo");

        var run = await CliRun.InvokeAsync("run", "demo-clicks", "--count", "20000", "--rate", "0", "--output", output, "-p", "2");

        Assert.True(run.ExitCode == 0, run.ToString());
        var windows = ReadWindows(output);
        var rejected = Directory.GetFiles(Path.Combine(output, "rejected")).Sum(f => File.ReadLines(f).Count());
        Assert.Equal(20_000, windows.Sum(t => t.Clicks + t.Carts + t.Buys) + rejected);
        // The counters are padded to the longest name, now the window operator's numLateRecordsDropped (none: no event is late).
        Assert.Matches($@"(?m)^    rejected-events +{rejected.ToString("N0", CultureInfo.InvariantCulture)}\r?$", run.Out);
        Assert.Matches(@"(?m)^    numLateRecordsDropped +0\r?$", run.Out);
    }

    [Fact]
    public async Task Run_should_cancel_an_unbounded_job_on_ctrl_c_and_exit_with_130()
    {
        using var temp = new TempDirectory();
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromSeconds(4));
        var started = DateTime.UtcNow;

        var run = await CliRun.InvokeAsync(["run", "demo-clicks", "--rate", "200", "--output", temp.Combine("demo"), "-p", "1"], ctrlC.Token);

        Assert.True(run.ExitCode == ExitCodes.Cancelled, run.ToString());
        Assert.Contains("was cancelled", run.Error);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(25), "Ctrl+C must end the command in bounded time.");
        // A cancelled job commits nothing: its parts, if it got to write any, stay hidden.
        var windows = Path.Combine(temp.Combine("demo"), "windows");
        if (Directory.Exists(windows))
            Assert.DoesNotContain(Directory.GetFiles(windows), f => !Path.GetFileName(f).StartsWith('.'));
    }

    /// <summary>The window lines of a demo run; fails when an item has more than one line for a window.</summary>
    private static List<ItemWindowTotals> ReadWindows(string output)
    {
        var windows = Directory.GetFiles(Path.Combine(output, "windows"))
            .SelectMany(File.ReadLines)
            .Select(line => JsonSerializer.Deserialize<ItemWindowTotals>(line, DemoJson.Lines)!)
            .ToList();
        var repeated = windows.GroupBy(w => (w.Item, w.WindowStart)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.Count == 0, $"Items with more than one line for a window: {string.Join(", ", repeated.Take(5))}");
        return windows;
    }

    private static long CountLines(string directory) =>
        Directory.GetFiles(directory).Sum(f => (long)File.ReadLines(f).Count());
}
