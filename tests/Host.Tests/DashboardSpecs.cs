using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ActorStream.Host.Tests.Support;
using Microsoft.Playwright;

namespace ActorStream.Host.Tests;

/// <summary>
/// The web dashboard in a real browser (Debian's chromium, headless, driven by Playwright; scripts/test.sh
/// installs it): a node's overview lists the running job, the job page draws its graph with one box per
/// vertex coloured by back-pressure, shows its checkpoints and watermarks, and its Cancel button cancels it.
/// </summary>
[Collection(JobRunsCollection.Name)]
public sealed class DashboardSpecs
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly Lazy<IReadOnlyList<string>> Input = new(() => ClickFile.Generate(20_000, seed: 43));

    [Fact]
    public async Task The_dashboard_should_show_the_job_graph_checkpoints_and_watermarks_and_cancel_the_job()
    {
        Assert.True(File.Exists(Chromium), $"The dashboard spec drives {Chromium}: install Debian's chromium (scripts/test.sh does).");
        using var temp = new TempDirectory();
        var input = temp.Combine("clicks.jsonl");
        ClickFile.Write(input, Input.Value);
        var (akkaPort, restPort) = (FreePort(), FreePort());
        using var node = CliProcess.Start("node", "--port", $"{akkaPort}", "--slots", "4", "--state-db", temp.Combine("state.db"), "--rest-port", $"{restPort}");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!node.Output.Contains("REST API on") && DateTime.UtcNow < deadline && !node.HasExited)
            await Task.Delay(100);
        var submitted = await CliRun.InvokeAsync("run", "clicks", "--cluster", $"127.0.0.1:{akkaPort}", "--input", input, "--output", temp.Combine("out"),
            "--rate", "500", "--checkpoint-interval", "300ms", "--parallelism", "2", "--detached");
        Assert.True(submitted.ExitCode == 0, submitted + node.Output);
        var baseUrl = $"http://127.0.0.1:{restPort}/";
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var job = JsonDocument.Parse(await http.GetStringAsync("jobs/overview")).RootElement.GetProperty("jobs")[0];
        var jobId = job.GetProperty("jid").GetString()!;
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

        await page.Locator("#cancel").ClickAsync();
        await Assertions.Expect(page.Locator("#job-state")).ToHaveTextAsync("CANCELED", new() { Timeout = 30_000 });
        var state = JsonDocument.Parse(await http.GetStringAsync("jobs/overview")).RootElement.GetProperty("jobs")[0].GetProperty("state").GetString();
        Assert.Equal("CANCELED", state);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
