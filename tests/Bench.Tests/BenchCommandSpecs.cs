using System.Text.Json;
using ActorStream.Bench.Nexmark.AkkaStreams;
using ActorStream.Bench.Nexmark.Queries;
using ActorStream.Bench.Tests.Support;

namespace ActorStream.Bench.Tests;

[Collection(BenchRunsCollection.Name)]
public sealed class BenchCommandSpecs
{
    [Fact]
    public async Task Json_should_hold_the_measurement_with_the_documented_keys()
    {
        using var temp = new TempDirectory();
        var json = temp.Combine("q2.json");

        var run = await CliRun.InvokeAsync("bench", "nexmark", "--query", "q2", "--events", "20000", "--parallelism", "1", "--json", json);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("events/s", run.Out);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var root = document.RootElement;
        Assert.Equal("q2", root.GetProperty("query").GetString());
        Assert.Equal("actorstream", root.GetProperty("engine").GetString());
        Assert.Equal(20_000, root.GetProperty("events").GetInt64());
        Assert.True(root.GetProperty("seconds").GetDouble() > 0);
        Assert.True(root.GetProperty("eventsPerSecond").GetDouble() > 0);
        Assert.Equal(1, root.GetProperty("parallelism").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("checkpointInterval").ValueKind);
        // This process's work during the run: present for a one-node run (20,000 events take CPU time and allocate).
        foreach (var field in new[] { "gcGen0", "gcGen1", "gcGen2", "gcPauseMs" })
            Assert.True(root.GetProperty(field).GetDouble() >= 0, field);
        Assert.True(root.GetProperty("allocatedBytes").GetInt64() > 0);
        Assert.True(root.GetProperty("cpuSeconds").GetDouble() > 0);
        Assert.True(root.GetProperty("coresBusy").GetDouble() > 0);
        Assert.Matches(@"; \d+\.\d{2} cores busy; GC [\d,]+ gen2, [\d,]+ gen1, [\d,]+ gen0 collections, paused \d+\.\d{3} s, [\d,]+ MB allocated", run.Out);
    }

    [Fact]
    public async Task The_loop_should_report_one_thread_and_count_its_results()
    {
        using var temp = new TempDirectory();
        var json = temp.Combine("q0.json");

        var run = await CliRun.InvokeAsync("bench", "nexmark", "-q", "q0", "-n", "5000", "--engine", "loop", "--parallelism", "4", "--json", json);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        Assert.Equal("loop", document.RootElement.GetProperty("engine").GetString());
        Assert.Equal(1, document.RootElement.GetProperty("parallelism").GetInt32());
        Assert.Equal(4_600, document.RootElement.GetProperty("results").GetInt64()); // 46 bids in every 50 events
    }

    [Fact]
    public async Task Akka_streams_should_run_every_query_and_count_its_results()
    {
        Assert.Equal(NexmarkQueries.All.Select(q => q.Name), AkkaStreamsQueries.All.Select(q => q.Name));
        using var temp = new TempDirectory();
        var json = temp.Combine("q0.json");

        var run = await CliRun.InvokeAsync("bench", "nexmark", "-q", "q0", "-n", "5000", "--engine", "akka-streams", "--json", json);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("on akka-streams", run.Out);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        Assert.Equal(1, document.RootElement.GetProperty("parallelism").GetInt32());
        Assert.Equal(4_600, document.RootElement.GetProperty("results").GetInt64()); // 46 bids in every 50 events
        Assert.True(document.RootElement.GetProperty("wallSeconds").GetDouble() >= document.RootElement.GetProperty("seconds").GetDouble());
    }

    [Theory]
    [InlineData("--query", "q99", "q0, q1, q2")]
    [InlineData("--engine", "flink", "actorstream, loop, akka-streams")]
    [InlineData("--events", "0", "at least 1")]
    public async Task An_invalid_option_should_fail_naming_it_and_the_accepted_values(string option, string value, string accepted)
    {
        string[] args = option == "--query" ? ["bench", "nexmark", option, value] : ["bench", "nexmark", "--query", "q0", option, value];

        var run = await CliRun.InvokeAsync(args);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(option, run.Error);
        Assert.Contains(accepted, run.Error);
    }

    [Fact]
    public async Task An_output_directory_with_earlier_parts_should_be_refused()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("out"));
        await File.WriteAllTextAsync(temp.Combine("out", "part-0-0.jsonl"), "{}\n");

        var run = await CliRun.InvokeAsync("bench", "nexmark", "--query", "q0", "--events", "10", "--engine", "loop", "--output", temp.Combine("out"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("already holds part files", run.Error);
    }
}
