using System.Text.Json;
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
        Directory.CreateDirectory(Path.Combine(output, "totals"));
        await File.WriteAllTextAsync(Path.Combine(output, "totals", "part-9-9.jsonl"), "left over from an earlier run\n");

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
        // Every valid event updated exactly one item's totals: the leaderboard and the counters agree.
        Assert.Equal(valid, totals.GetProperty("clicks").GetInt64() + totals.GetProperty("carts").GetInt64() + totals.GetProperty("buys").GetInt64());
        var top = root.GetProperty("top10").EnumerateArray().Select(e => e.GetProperty("revenue").GetDecimal()).ToList();
        Assert.Equal(10, top.Count);
        Assert.Equal(top.OrderDescending(), top);

        // The file sinks drained too: one totals line per valid event, one rejected line per rejected event, nothing hidden.
        Assert.Equal(valid, CountLines(Path.Combine(output, "totals")));
        Assert.Equal(rejected, CountLines(Path.Combine(output, "rejected")));
        Assert.DoesNotContain(Directory.GetFiles(output, "*", SearchOption.AllDirectories), f => Path.GetFileName(f).StartsWith('.'));
        Assert.False(File.Exists(Path.Combine(output, "totals", "part-9-9.jsonl")));
    }

    [Fact]
    public async Task Run_demo_clicks_with_a_count_should_finish_on_its_own_with_every_event_accounted_for()
    {
        using var temp = new TempDirectory();
        var output = temp.Combine("demo");

        var run = await CliRun.InvokeAsync("run", "demo-clicks", "--count", "20000", "--rate", "0", "--output", output, "-p", "2");

        Assert.True(run.ExitCode == 0, run.ToString());
        var totals = Directory.GetFiles(Path.Combine(output, "totals"))
            .SelectMany(File.ReadLines)
            .Select(line => JsonSerializer.Deserialize<ItemTotals>(line, DemoJson.Lines)!)
            .GroupBy(t => t.Item)
            .Select(g => g.MaxBy(t => t.Clicks + t.Carts + t.Buys)!)
            .ToList();
        var rejected = Directory.GetFiles(Path.Combine(output, "rejected")).Sum(f => File.ReadLines(f).Count());
        Assert.Equal(20_000, totals.Sum(t => t.Clicks + t.Carts + t.Buys) + rejected);
        Assert.Contains($"rejected-events  {rejected,15:N0}", run.Out);
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
        var totals = Path.Combine(temp.Combine("demo"), "totals");
        if (Directory.Exists(totals))
            Assert.DoesNotContain(Directory.GetFiles(totals), f => !Path.GetFileName(f).StartsWith('.'));
    }

    private static long CountLines(string directory) =>
        Directory.GetFiles(directory).Sum(f => (long)File.ReadLines(f).Count());
}
