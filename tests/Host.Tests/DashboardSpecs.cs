using System.Text.Json;
using ActorStream.Host.Tests.Support;
using Microsoft.Playwright;

namespace ActorStream.Host.Tests;

/// <summary>
/// The web dashboard in a real browser (Debian's chromium, headless, driven by Playwright; scripts/test.sh
/// installs it): a node's overview lists the running job, the job page draws its graph with one box per
/// vertex coloured by back-pressure, shows its checkpoints and watermarks, its Savepoint button takes one, and
/// its Cancel button cancels it.
/// </summary>
[Collection(JobRunsCollection.Name)]
public sealed class DashboardSpecs
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly Lazy<IReadOnlyList<string>> Input = new(() => ClickFile.Generate(20_000, seed: 43));

    [Fact]
    public async Task On_three_nodes_a_slow_sink_should_turn_its_upstream_red_in_the_dashboard_and_the_rest_api()
    {
        Assert.True(File.Exists(Chromium), $"The dashboard spec drives {Chromium}: install Debian's chromium (scripts/test.sh does).");
        var restPort = RestNode.FreePort();
        await using var nodes = await NodeProcesses.StartAsync(restPort: restPort);
        using var temp = new TempDirectory();
        var input = temp.Combine("clicks.jsonl");
        ClickFile.Write(input, Input.Value);
        var submitted = await CliRun.InvokeAsync("run", "clicks", "--cluster", nodes.Cluster, "--input", input, "--output", temp.Combine("out"),
            "--rate", "2000", "--checkpoint-interval", "500ms", "--parallelism", "6", "--slow-sink-ms", "50", "--detached");
        Assert.True(submitted.ExitCode == 0, submitted + nodes.Outputs);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{restPort}/") };
        var jobId = JsonDocument.Parse(await http.GetStringAsync("jobs/overview")).RootElement.GetProperty("jobs")[0].GetProperty("jid").GetString()!;
        var plan = JsonDocument.Parse(await http.GetStringAsync($"jobs/{jobId}/plan")).RootElement.GetProperty("plan").GetProperty("nodes");
        var sourceId = plan.EnumerateArray().Single(n => n.GetProperty("inputs").GetArrayLength() == 0).GetProperty("id").GetString();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1300, Height = 1000 } });
        await page.GotoAsync($"http://127.0.0.1:{restPort}/#/jobs/{jobId}");

        await Assertions.Expect(page.Locator($"svg .vertex[data-vertex='{sourceId}']")).ToHaveClassAsync("vertex high", new() { Timeout = 30_000 });
        var backPressure = JsonDocument.Parse(await http.GetStringAsync($"jobs/{jobId}/vertices/{sourceId}/backpressure")).RootElement;
        Assert.Equal("high", backPressure.GetProperty("backpressure-level").GetString());
        var hosts = new HashSet<string>();
        foreach (var vertex in plan.EnumerateArray())
        {
            var subtasks = JsonDocument.Parse(await http.GetStringAsync($"jobs/{jobId}/vertices/{vertex.GetProperty("id").GetString()}")).RootElement;
            hosts.UnionWith(subtasks.GetProperty("subtasks").EnumerateArray().Select(s => s.GetProperty("host").GetString()!));
        }
        Assert.True(hosts.Count >= 2 && hosts.IsSubsetOf(nodes.Addresses), string.Join(", ", hosts)); // spread over the nodes, each shown where it runs
        // Batches between nodes are serialized: their bytes show as Flink's read-bytes and write-bytes.
        var vertexMetrics = JsonDocument.Parse(await http.GetStringAsync($"jobs/{jobId}")).RootElement.GetProperty("vertices").EnumerateArray()
            .Select(v => v.GetProperty("metrics")).ToList();
        Assert.True(vertexMetrics.Sum(m => m.GetProperty("write-bytes").GetInt64()) > 0 && vertexMetrics.Sum(m => m.GetProperty("read-bytes").GetInt64()) > 0,
            string.Join("\n", vertexMetrics));
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "dashboard-slow-sink.png") });
        using var cancel = new HttpRequestMessage(HttpMethod.Patch, $"jobs/{jobId}?mode=cancel");
        (await http.SendAsync(cancel)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task The_dashboard_should_show_the_job_graph_checkpoints_and_watermarks_and_cancel_the_job()
    {
        Assert.True(File.Exists(Chromium), $"The dashboard spec drives {Chromium}: install Debian's chromium (scripts/test.sh does).");
        using var temp = new TempDirectory();
        using var node = await RestNode.StartWithClicksAsync(temp, Input.Value);
        var (http, jobId) = (node.Http, node.JobId);
        var baseUrl = http.BaseAddress!.ToString();
        var vertexCount = JsonDocument.Parse(await http.GetStringAsync($"jobs/{jobId}")).RootElement.GetProperty("vertices").GetArrayLength();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1300, Height = 1000 } });
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync(baseUrl);

        await page.Locator("#jobs a", new() { HasText = "clicks" }).ClickAsync();
        await page.WaitForURLAsync($"**/#/jobs/{jobId}");
        await Assertions.Expect(page.Locator("svg .vertex")).ToHaveCountAsync(vertexCount);
        Assert.All(await page.Locator("svg .vertex").EvaluateAllAsync<string[]>("boxes => boxes.map(b => b.getAttribute('class'))"),
            c => Assert.Matches(@"^vertex (ok|low|high)$", c));
        await Assertions.Expect(page.Locator("svg .edge")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#checkpoints td").Nth(2)).ToContainTextAsync("clicks/", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#watermarks")).ToContainTextAsync("2023-", new() { Timeout = 20_000 }); // the clicks' event time
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "dashboard-job.png") });

        await page.Locator("#savepoint").ClickAsync();
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("Savepoint: clicks/", new() { Timeout = 30_000 });

        await page.Locator("#cancel").ClickAsync();
        await Assertions.Expect(page.Locator("#job-state")).ToHaveTextAsync("CANCELED", new() { Timeout = 30_000 });
        var state = JsonDocument.Parse(await http.GetStringAsync("jobs/overview")).RootElement.GetProperty("jobs")[0].GetProperty("state").GetString();
        Assert.Equal("CANCELED", state);
    }
}
