using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace ActorStream.Hosting.Tests;

/// <summary>
/// examples/Hosted as a user runs it (a process of its own): clicks posted over HTTP are acknowledged once a checkpoint
/// holds them, the app stops (SIGTERM: its job stops with a savepoint) and starts again, and the window counts its own
/// entities receive include the clicks acknowledged before the restart, once each.
/// </summary>
public sealed class HostedExampleSpecs
{
    [Fact]
    public async Task The_app_should_serve_clicks_into_its_entities_and_lose_no_acknowledged_click_across_a_restart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "actorstream-hosted-" + Guid.NewGuid().ToString("N"));
        var (httpPort, akkaPort) = (AppHost.FreePort(), AppHost.FreePort());
        string[] args = ["--urls", $"http://127.0.0.1:{httpPort}", "--akka-port", $"{akkaPort}",
            "--state-db", Path.Combine(directory, "streams.db"), "--app-db", Path.Combine(directory, "app.db")];
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/"), Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            using (var first = App.Start(args))
            {
                await first.WaitUntilServingAsync(http);
                var posted = await http.PostAsJsonAsync("clicks", new[] { Click("ann", "a", 1_000), Click("bob", "a", 2_000), Click("cy", "b", 2_500), Click("ann", "a", 3_000) });
                Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
                await first.StopAsync(); // SIGTERM: the app stops its job with a savepoint
            }

            using var second = App.Start(args);
            await second.WaitUntilServingAsync(http);
            // Two more clicks on a, and one far later that moves event time past the first window [0, 10 s).
            var more = await http.PostAsJsonAsync("clicks", new[] { Click("dan", "a", 5_000), Click("eve", "a", 6_000), Click("fay", "c", 30_000) });
            Assert.Equal(HttpStatusCode.Accepted, more.StatusCode);

            var a = await EventuallyAsync(() => http.GetFromJsonAsync<Totals>("items/a"), t => t!.Clicks > 0);
            Assert.Equal(new Dictionary<long, long> { [0] = 5 }, a!.Windows);
            Assert.Equal(1, (await http.GetFromJsonAsync<Totals>("items/b"))!.Clicks);
            await second.StopAsync();
        }
        finally
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
    }

    private static object Click(string user, string item, long ts) => new { user, item, ts };

    private sealed record Totals(string Item, Dictionary<long, long> Windows, long Clicks);

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
                return value;
            await Task.Delay(200);
        }
    }

    /// <summary>The example app in a process of its own.</summary>
    private sealed class App : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private App(Process process) => _process = process;

        public static App Start(string[] args)
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ActorStream.Examples.Hosted.dll"));
            foreach (var arg in args)
                start.ArgumentList.Add(arg);
            var app = new App(new Process { StartInfo = start });
            app._process.OutputDataReceived += (_, e) => app.Append(e.Data);
            app._process.ErrorDataReceived += (_, e) => app.Append(e.Data);
            app._process.Start();
            app._process.BeginOutputReadLine();
            app._process.BeginErrorReadLine();
            return app;
        }

        public async Task WaitUntilServingAsync(HttpClient http)
        {
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (true)
            {
                Assert.False(_process.HasExited, "The app exited:\n" + Output);
                Assert.True(DateTime.UtcNow < deadline, "The app did not serve in time:\n" + Output);
                try
                {
                    using var response = await http.GetAsync("items/none");
                    if (response.IsSuccessStatusCode)
                        return;
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }
                await Task.Delay(250);
            }
        }

        public async Task StopAsync()
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await kill!.WaitForExitAsync();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(_process.ExitCode == 0, $"exit {_process.ExitCode}:\n{Output}");
        }

        private string Output
        {
            get
            {
                lock (_output)
                    return _output.ToString();
            }
        }

        private void Append(string? line)
        {
            if (line is null)
                return;
            lock (_output)
                _output.AppendLine(line);
        }

        public void Dispose()
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            _process.Dispose();
        }
    }
}
