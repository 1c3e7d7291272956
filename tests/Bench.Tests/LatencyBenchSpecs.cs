using System.Text.Json;
using ActorStream.Bench.Tests.Support;

namespace ActorStream.Bench.Tests;

/// <summary><c>--latency</c> and <c>--rate</c>: q1 paced to a fixed rate, with per-result latency percentiles.</summary>
[Collection(BenchRunsCollection.Name)]
public sealed class LatencyBenchSpecs
{
    [Theory]
    [InlineData("actorstream")]
    [InlineData("loop")]
    public async Task A_paced_q1_run_should_report_the_latency_of_every_result(string engine)
    {
        using var temp = new TempDirectory();
        var json = temp.Combine("q1.json");

        // 20,000 events at 40,000/s: half a second of pacing.
        var run = await CliRun.InvokeAsync("bench", "nexmark", "--query", "q1", "--engine", engine, "--events", "20000", "--parallelism", "2",
            "--rate", "40000", "--latency", "--json", json);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("latency p50 ", run.Out);
        Assert.Contains("at 40,000/s", run.Out);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var root = document.RootElement;
        Assert.Equal(18_400, root.GetProperty("results").GetInt64()); // 46 bids in every 50 events
        Assert.Equal(18_400, root.GetProperty("latencySamples").GetInt64());
        Assert.Equal(40_000, root.GetProperty("rate").GetDouble());
        var p50 = root.GetProperty("latencyP50Ms").GetDouble();
        var p99 = root.GetProperty("latencyP99Ms").GetDouble();
        var max = root.GetProperty("latencyMaxMs").GetDouble();
        Assert.True(0 <= p50 && p50 <= p99 && p99 <= max, $"p50 {p50}, p99 {p99}, max {max}");
        // The pace holds the run to at least the events over the rate (less one second of burst the limiter allows).
        Assert.True(root.GetProperty("seconds").GetDouble() >= 0.4, document.RootElement.GetRawText());
    }

    [Fact]
    public async Task A_run_without_latency_should_write_null_latency_fields()
    {
        using var temp = new TempDirectory();
        var json = temp.Combine("q1.json");

        var run = await CliRun.InvokeAsync("bench", "nexmark", "--query", "q1", "--engine", "loop", "--events", "1000", "--json", json);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        foreach (var field in new[] { "rate", "latencyP50Ms", "latencyP99Ms", "latencyMaxMs", "latencySamples" })
            Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty(field).ValueKind);
    }

    [Theory]
    [InlineData("--checkpoint-interval", "--query q1 --engine loop --checkpoint-interval 1s", "only the actorstream engine")]
    [InlineData("--checkpoint-interval", "--query q1 --checkpoint-interval 5ms", "at least 10ms")]
    [InlineData("--latency", "--query q2 --latency", "q1 only")]
    [InlineData("--latency", "--query q1 --latency --output out", "leave out --output")]
    [InlineData("--rate", "--query q1 --rate 1000", "add --latency")]
    [InlineData("--rate", "--query q1 --latency --rate 0", "not a positive number")]
    public async Task An_unsupported_combination_should_fail_naming_the_option(string option, string args, string reason)
    {
        var run = await CliRun.InvokeAsync(["bench", "nexmark", .. args.Split(' ')]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(option, run.Error);
        Assert.Contains(reason, run.Error);
    }
}
