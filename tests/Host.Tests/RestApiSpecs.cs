using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ActorStream.Actors.Tests.Persistence;
using ActorStream.Host.Tests.Support;
using MySqlConnector;

namespace ActorStream.Host.Tests;

/// <summary>
/// The REST API of a running node (a real <c>actorstream node</c> process): Flink's paths and shapes for the
/// overview, jobs, a job, its checkpoints and exceptions, and the task managers; savepoint and cancel through
/// it with the bearer token (401 without); 404 for an unknown job, 400 for a bad request; the token never in
/// an answer; and a node exposed beyond loopback without a token refuses to start.
/// </summary>
[Collection(JobRunsCollection.Name)]
public sealed class RestApiSpecs(MariaDbServer database) : IClassFixture<MariaDbServer>
{
    private const string Token = "spec-token-0123456789abcdef";
    private static readonly Lazy<IReadOnlyList<string>> Input = new(() => ClickFile.Generate(20_000, seed: 41));

    [Fact]
    public async Task A_node_should_answer_flinks_rest_paths_with_the_jobs_real_figures_and_take_savepoints_and_cancels()
    {
        using var temp = new TempDirectory();
        using var restNode = await RestNode.StartWithClicksAsync(temp, Input.Value, "--rest-token", Token);
        var (http, node, akkaPort) = (restNode.Http, restNode.Process, restNode.AkkaPort);
        var answers = new List<string>();

        async Task<JsonElement> Get(string path, HttpStatusCode expected = HttpStatusCode.OK)
        {
            using var response = await http.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            answers.Add(body);
            Assert.True(response.StatusCode == expected, $"GET {path}: {(int)response.StatusCode} {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }

        var overview = await Get("overview");
        Assert.Equal((1, 4L), (overview.GetProperty("taskmanagers").GetInt32(), overview.GetProperty("slots-total").GetInt64()));
        var job = (await Get("jobs/overview")).GetProperty("jobs").EnumerateArray().Single();
        var jobId = job.GetProperty("jid").GetString()!;
        Assert.Equal("clicks", job.GetProperty("name").GetString());
        Assert.Contains(job.GetProperty("state").GetString(), new[] { "CREATED", "RUNNING" });
        Assert.Equal(jobId, (await Get("jobs")).GetProperty("jobs").EnumerateArray().Single().GetProperty("id").GetString());
        var manager = (await Get("taskmanagers")).GetProperty("taskmanagers").EnumerateArray().Single();
        Assert.Equal(($"127.0.0.1:{akkaPort}", 4), (manager.GetProperty("id").GetString(), manager.GetProperty("slotsNumber").GetInt32()));

        await WaitForAsync(async () => (await Get($"jobs/{jobId}/checkpoints")).GetProperty("counts").GetProperty("completed").GetInt32() >= 2, node);
        var details = await Get($"jobs/{jobId}");
        Assert.Equal(("clicks", "RUNNING"), (details.GetProperty("name").GetString(), details.GetProperty("state").GetString()));
        Assert.True(details.GetProperty("metrics").GetProperty("read-records").GetInt64() > 0, details.ToString());
        var vertices = details.GetProperty("vertices").EnumerateArray().ToList();
        Assert.True(vertices.Count >= 3, details.ToString()); // source and decoding, windows, sinks
        var planNodes = (await Get($"jobs/{jobId}/plan")).GetProperty("plan").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(vertices.Select(v => v.GetProperty("id").GetString()), planNodes.Select(n => n.GetProperty("id").GetString()));
        var sourceId = planNodes.Single(n => n.GetProperty("inputs").GetArrayLength() == 0).GetProperty("id").GetString();
        var sourceVertex = vertices.Single(v => v.GetProperty("id").GetString() == sourceId);
        Assert.StartsWith("Source: ReadTextFile(clicks.jsonl) -> decode", sourceVertex.GetProperty("name").GetString());
        Assert.True(sourceVertex.GetProperty("metrics").GetProperty("write-records").GetInt64() > 0, sourceVertex.ToString());
        // One node: batches pass by reference, no byte crosses the network.
        Assert.All(vertices, v => Assert.Equal((0L, 0L), (v.GetProperty("metrics").GetProperty("read-bytes").GetInt64(), v.GetProperty("metrics").GetProperty("write-bytes").GetInt64())));
        Assert.Contains(planNodes, n => n.GetProperty("inputs").EnumerateArray().Any(i => i.GetProperty("id").GetString() == sourceId));
        var subtasks = (await Get($"jobs/{jobId}/vertices/{sourceId}")).GetProperty("subtasks").EnumerateArray().ToList();
        Assert.Equal($"127.0.0.1:{akkaPort}", subtasks[0].GetProperty("host").GetString());
        Assert.Contains((await Get($"jobs/{jobId}/vertices/{sourceId}/backpressure")).GetProperty("backpressure-level").GetString(), new[] { "ok", "low", "high" });
        var windowsId = vertices.Single(v => v.GetProperty("name").GetString()!.Contains("item-windows", StringComparison.Ordinal)).GetProperty("id").GetString();
        await WaitForAsync(async () => (await Get($"jobs/{jobId}/vertices/{windowsId}/watermarks")).EnumerateArray()
            .Any(w => long.Parse(w.GetProperty("value").GetString()!) > 1_700_000_000_000), node); // event time of the clicks
        await Get($"jobs/{jobId}/vertices/no-such-vertex/backpressure", HttpStatusCode.NotFound);

        // Prometheus: the same figures, per subtask, with OpenTelemetry's names.
        var metrics = await http.GetStringAsync("metrics");
        var sourceRecords = MetricValues(metrics, "actorstream_task_records_sent", $"task_id=\"{sourceId}\"");
        Assert.True(sourceRecords.Sum() > 0, metrics);
        Assert.NotEmpty(MetricValues(metrics, "actorstream_task_busy_time", $"job_id=\"{jobId}\""));
        Assert.NotEmpty(MetricValues(metrics, "actorstream_task_backpressured_time", $"job_id=\"{jobId}\""));
        Assert.True(MetricValues(metrics, "actorstream_job_checkpoints_completed", $"job_id=\"{jobId}\"").Single() >= 2, metrics);
        var checkpoints = await Get($"jobs/{jobId}/checkpoints");
        Assert.StartsWith("clicks/", checkpoints.GetProperty("latest").GetProperty("completed").GetProperty("external_path").GetString());
        var history = checkpoints.GetProperty("history").EnumerateArray().ToList();
        Assert.True(history.Count >= 2, checkpoints.ToString());
        Assert.All(history, c => Assert.Equal("COMPLETED", c.GetProperty("status").GetString()));
        Assert.True(history[0].GetProperty("id").GetInt64() > history[1].GetProperty("id").GetInt64(), "newest first");
        Assert.All(history, c => Assert.True(c.GetProperty("state_size").GetInt64() > 0 && c.GetProperty("end_to_end_duration").GetInt64() >= 0, c.ToString()));
        Assert.Equal(JsonValueKind.Null, (await Get($"jobs/{jobId}/exceptions")).GetProperty("root-exception").ValueKind);

        // Errors: unknown job, unknown path, bad mode, no token.
        Assert.Contains("not found", (await Get("jobs/0123456789abcdef", HttpStatusCode.NotFound)).GetProperty("errors")[0].GetString());
        await Get("no/such/path", HttpStatusCode.NotFound);
        using (var noToken = await http.PatchAsync($"jobs/{jobId}?mode=cancel", null))
            Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using (var badMode = await http.PatchAsync($"jobs/{jobId}?mode=explode", null))
            Assert.Equal(HttpStatusCode.BadRequest, badMode.StatusCode);

        // A savepoint, then a cancel.
        using var trigger = await http.PostAsync($"jobs/{jobId}/savepoints", null);
        Assert.Equal(HttpStatusCode.Accepted, trigger.StatusCode);
        var requestId = JsonDocument.Parse(await trigger.Content.ReadAsStringAsync()).RootElement.GetProperty("request-id").GetString();
        JsonElement savepoint = default;
        await WaitForAsync(async () => (savepoint = await Get($"jobs/{jobId}/savepoints/{requestId}")).GetProperty("status").GetProperty("id").GetString() == "COMPLETED", node);
        Assert.StartsWith("clicks/", savepoint.GetProperty("operation").GetProperty("location").GetString());
        var latestSavepoint = (await Get($"jobs/{jobId}/checkpoints")).GetProperty("latest").GetProperty("savepoint");
        Assert.Equal(savepoint.GetProperty("operation").GetProperty("location").GetString(), latestSavepoint.GetProperty("external_path").GetString());
        using (var cancel = await http.PatchAsync($"jobs/{jobId}?mode=cancel", null))
            Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        await WaitForAsync(async () => (await Get("jobs/overview")).GetProperty("jobs")[0].GetProperty("state").GetString() == "CANCELED", node);
        Assert.Equal(1, (await Get("overview")).GetProperty("jobs-cancelled").GetInt32());
        Assert.Equal(JsonValueKind.Null, checkpoints.GetProperty("latest").GetProperty("restored").ValueKind); // it started empty
        Assert.Equal(0, checkpoints.GetProperty("counts").GetProperty("restored").GetInt32());

        // The same job again from the savepoint: the checkpoints say where it started.
        var location = savepoint.GetProperty("operation").GetProperty("location").GetString()!;
        var resumed = await CliRun.InvokeAsync("run", "clicks", "--cluster", $"127.0.0.1:{akkaPort}", "--input", restNode.Input, "--output", temp.Combine("resumed"),
            "--rate", "500", "--checkpoint-interval", "300ms", "--parallelism", "2", "--from-savepoint", location, "--detached");
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        var resumedId = (await Get("jobs/overview")).GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("jid").GetString() != jobId)
            .GetProperty("jid").GetString();
        JsonElement restored = default;
        await WaitForAsync(async () => (restored = await Get($"jobs/{resumedId}/checkpoints")).GetProperty("latest").GetProperty("restored").ValueKind != JsonValueKind.Null, node);
        var from = restored.GetProperty("latest").GetProperty("restored");
        Assert.Equal((location, true, 1), (from.GetProperty("external_path").GetString(), from.GetProperty("is_savepoint").GetBoolean(),
            restored.GetProperty("counts").GetProperty("restored").GetInt32()));
        Assert.Equal(long.Parse(location.Split('/')[1]), from.GetProperty("id").GetInt64());
        using (var cancelResumed = await http.PatchAsync($"jobs/{resumedId}?mode=cancel", null))
            Assert.Equal(HttpStatusCode.Accepted, cancelResumed.StatusCode);

        Assert.DoesNotContain(answers, a => a.Contains(Token, StringComparison.Ordinal));
        Assert.DoesNotContain(Token, node.Output);
    }

    [Fact]
    public async Task A_failing_jobs_database_password_should_appear_in_no_answer_page_or_log_line()
    {
        const string secret = "Spec-Secret-5f3a9c";
        var connection = new MySqlConnectionStringBuilder(database.Settings.ConnectionString) { Password = secret }.ConnectionString;
        using var temp = new TempDirectory();
        var input = temp.Combine("clicks.jsonl");
        ClickFile.Write(input, Input.Value.Take(2_000));
        using var restNode = await RestNode.StartWithJobAsync(temp, [], "amazon-etl", "--input", input, "--mysql", connection, "--table", "secret",
            "--checkpoint-interval", "300ms", "--parallelism", "2");
        var (http, jobId) = (restNode.Http, restNode.JobId);

        // The wrong password fails the sinks: the job restarts, its exceptions name the refusal, never the password.
        await WaitForAsync(async () => JsonDocument.Parse(await http.GetStringAsync($"jobs/{jobId}/exceptions")).RootElement
            .GetProperty("exceptionHistory").GetProperty("entries").GetArrayLength() > 0, restNode.Process);
        var exceptions = await http.GetStringAsync($"jobs/{jobId}/exceptions");
        Assert.Contains("Access denied", exceptions);
        var vertexIds = JsonDocument.Parse(await http.GetStringAsync($"jobs/{jobId}")).RootElement.GetProperty("vertices").EnumerateArray()
            .Select(v => v.GetProperty("id").GetString()).ToList();
        string[] paths = ["", "dashboard/app.js", "dashboard/app.css", "overview", "jobs", "jobs/overview", $"jobs/{jobId}", $"jobs/{jobId}/plan", $"jobs/{jobId}/checkpoints",
            $"jobs/{jobId}/exceptions", "taskmanagers", "metrics", .. vertexIds.SelectMany(v => new[]
            {
                $"jobs/{jobId}/vertices/{v}", $"jobs/{jobId}/vertices/{v}/backpressure", $"jobs/{jobId}/vertices/{v}/watermarks",
            })];
        foreach (var path in paths)
        {
            using var response = await http.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, $"GET /{path}: {(int)response.StatusCode}");
            Assert.DoesNotContain(secret, await response.Content.ReadAsStringAsync());
        }
        using (var cancel = await http.PatchAsync($"jobs/{jobId}?mode=cancel", null))
            Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        await WaitForAsync(async () => (await http.GetStringAsync("jobs/overview")).Contains("\"CANCELED\"", StringComparison.Ordinal), restNode.Process);
        Assert.DoesNotContain(secret, restNode.Process.Output);
        Assert.DoesNotContain(secret, restNode.Submitted);
    }

    [Fact]
    public async Task A_node_exposed_beyond_loopback_without_a_token_should_refuse_to_start()
    {
        using var temp = new TempDirectory();
        var run = await CliRun.InvokeAsync("node", "--port", $"{RestNode.FreePort()}", "--state-db", temp.Combine("state.db"),
            "--rest-port", $"{RestNode.FreePort()}", "--rest-bind", "0.0.0.0");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("--rest-bind 0.0.0.0 exposes the REST API beyond this machine: give --rest-token TOKEN", run.Error);
    }

    [Fact]
    public async Task A_node_exposed_with_the_token_from_its_config_file_should_start_and_ask_changes_for_it()
    {
        using var temp = new TempDirectory();
        var config = temp.Combine("node.conf");
        await File.WriteAllTextAsync(config, $"actorstream.rest.token = \"{Token}\"");
        var restPort = RestNode.FreePort();
        using var node = CliProcess.Start("node", "--port", $"{RestNode.FreePort()}", "--state-db", temp.Combine("state.db"), "--config", config,
            "--rest-port", $"{restPort}", "--rest-bind", "0.0.0.0");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!node.Output.Contains("REST API on") && DateTime.UtcNow < deadline && !node.HasExited)
            await Task.Delay(100);
        Assert.Contains("(changes need the bearer token)", node.Output);
        Assert.DoesNotContain(Token, node.Output);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{restPort}/") };

        using var read = await http.GetAsync("overview");
        using var change = await http.PatchAsync("jobs/0123456789abcdef?mode=cancel", null);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var authorized = await http.PatchAsync("jobs/0123456789abcdef?mode=cancel", null);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.NotFound), (read.StatusCode, change.StatusCode, authorized.StatusCode));
    }

    [Fact]
    public async Task A_local_run_should_serve_the_rest_api_list_a_failure_with_its_operator_and_subtask_and_stop_with_a_savepoint()
    {
        using var temp = new TempDirectory();
        var input = temp.Combine("clicks.jsonl");
        ClickFile.Write(input, Input.Value.Take(10_000));
        var restPort = RestNode.FreePort();
        var run = CliRun.InvokeAsync("run", "clicks", "--input", input, "--output", temp.Combine("out"), "--rate", "1000",
            "--checkpoint-interval", "300ms", "--inject-failure-after", "1500", "--state-db", temp.Combine("state.db"), "--rest-port", $"{restPort}");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{restPort}/") };
        JsonElement? failure = null;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (failure is null && DateTime.UtcNow < deadline && !run.IsCompleted)
        {
            try
            {
                var jobs = JsonDocument.Parse(await http.GetStringAsync("jobs/overview")).RootElement.GetProperty("jobs");
                if (jobs.GetArrayLength() == 1)
                {
                    var exceptions = JsonDocument.Parse(await http.GetStringAsync($"jobs/{jobs[0].GetProperty("jid").GetString()}/exceptions")).RootElement;
                    if (exceptions.GetProperty("exceptionHistory").GetProperty("entries").GetArrayLength() > 0)
                        failure = exceptions.Clone();
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }

        Assert.True(failure is not null, "No failure listed: " + (run.IsCompleted ? await run : null));
        var entry = failure.Value.GetProperty("exceptionHistory").GetProperty("entries")[0];
        Assert.StartsWith("item-windows", entry.GetProperty("taskName").GetString());
        Assert.Matches(@"^127\.0\.0\.1:\d+$", entry.GetProperty("location").GetString());
        Assert.Contains("injected", failure.Value.GetProperty("root-exception").GetString(), StringComparison.OrdinalIgnoreCase);

        // A savepoint, then stop with a savepoint: the run ends (and its REST server with it).
        var jobId = JsonDocument.Parse(await http.GetStringAsync("jobs/overview")).RootElement.GetProperty("jobs")[0].GetProperty("jid").GetString();
        await WaitForRunningAsync(http, jobId!);
        using var savepoint = await http.PostAsync($"jobs/{jobId}/savepoints", null);
        var trigger = JsonDocument.Parse(await savepoint.Content.ReadAsStringAsync()).RootElement.GetProperty("request-id").GetString();
        JsonElement status;
        do
        {
            await Task.Delay(200);
            status = JsonDocument.Parse(await http.GetStringAsync($"jobs/{jobId}/savepoints/{trigger}")).RootElement.Clone();
        }
        while (status.GetProperty("status").GetProperty("id").GetString() == "IN_PROGRESS" && DateTime.UtcNow < deadline.AddSeconds(30));
        Assert.StartsWith("clicks/", status.GetProperty("operation").GetProperty("location").GetString());
        using var stop = await http.PostAsync($"jobs/{jobId}/stop", null);
        Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
        var result = await run.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    /// <summary>Waits until the job runs again (after a restart), so that a savepoint can be taken.</summary>
    private static async Task WaitForRunningAsync(HttpClient http, string jobId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (JsonDocument.Parse(await http.GetStringAsync($"jobs/{jobId}")).RootElement.GetProperty("state").GetString() != "RUNNING")
        {
            Assert.True(DateTime.UtcNow < deadline, "The job did not run again after its restart.");
            await Task.Delay(100);
        }
    }

    /// <summary>The values of the samples of <paramref name="metric"/> (any suffix) whose labels contain <paramref name="label"/>.</summary>
    private static List<double> MetricValues(string exposition, string metric, string label) =>
        exposition.Split('\n')
            .Where(l => l.StartsWith(metric, StringComparison.Ordinal) && l.Contains(label, StringComparison.Ordinal))
            .Select(l => double.Parse(l[(l.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

    private static Task WaitForAsync(Func<bool> condition, CliProcess node) => WaitForAsync(() => Task.FromResult(condition()), node);

    private static async Task WaitForAsync(Func<Task<bool>> condition, CliProcess node)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.False(node.HasExited, "The node exited:\n" + node.Output);
            Assert.True(DateTime.UtcNow < deadline, "Timed out:\n" + node.Output);
            await Task.Delay(200);
        }
    }
}
