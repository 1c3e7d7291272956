using ActorStream.Actors.Tests.Persistence;
using ActorStream.Graph;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ActorStream.Hosting.Tests;

/// <summary>
/// Applications whose actor systems form a cluster, each with WithActorStream: a catalog job submitted through one of
/// them runs on the slots of both and gives the exact result; stopping an application stops the job it submitted with
/// a savepoint.
/// </summary>
public sealed class ClusterMemberSpecs(MariaDbServer database) : IClassFixture<MariaDbServer>
{
    private static readonly CollectSink<(long Key, long Sum)> Sums = new();

    private static JobCatalog Catalog() => new JobCatalog().Add("sums", (env, args) =>
    {
        env.Parallelism = 4;
        env.FromSequence(1, 10_000).Uid("numbers")
            .KeyBy(x => x % 10).Sum(x => x).Uid("sum")
            .SinkTo(Sums, "sums").Uid("sums");
    });

    [Fact]
    public async Task Two_applications_should_form_a_cluster_and_run_a_catalog_job_on_the_slots_of_both()
    {
        var (seedPort, otherPort) = (AppHost.FreePort(), AppHost.FreePort());
        void Options(ActorStreamOptions o)
        {
            o.StateDb = database.Settings.ConnectionString;
            o.Slots = 2;
            o.Catalog = Catalog();
        }
        using var seed = AppHost.Create(seedPort, seedPort, Options);
        using var other = AppHost.Create(otherPort, seedPort, Options);
        await Task.WhenAll(seed.StartAsync(), other.StartAsync()).WaitAsync(TimeSpan.FromSeconds(60));
        var jobs = other.Services.GetRequiredService<IActorStreamJobs>();

        // Four subtasks need four slots: two on each member.
        var job = await Eventually(() => jobs.SubmitAsync("sums"));
        var result = await job.Completion.WaitAsync(TimeSpan.FromSeconds(90));

        var finals = Sums.Values.GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Max(s => s.Sum));
        var expected = Enumerable.Range(1, 10_000).GroupBy(x => (long)(x % 10)).ToDictionary(g => g.Key, g => g.Sum(x => (long)x));
        Assert.Equal(expected.OrderBy(e => e.Key), finals.OrderBy(e => e.Key));
        Assert.Equal(0, result.Restarts);
        Assert.Contains(await jobs.ListAsync(), j => j.Id == job.JobId && j.Status == JobStatus.Finished);
        await Task.WhenAll(other.StopAsync(), seed.StopAsync());
    }

    [Fact]
    public async Task Stopping_the_application_should_stop_its_running_job_with_a_savepoint()
    {
        var port = AppHost.FreePort();
        using var temp = new TempFolder();
        using var app = AppHost.Create(port, port, o => o.StateDb = Path.Combine(temp.Path, "state.db"));
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var env = StreamExecutionEnvironment.Create(app.Services.GetRequiredService<IJobExecutor>());
        env.Parallelism = 2;
        env.RuntimeMode = RuntimeExecutionMode.Streaming;
        env.EnableCheckpointing(TimeSpan.FromMilliseconds(200));
        var counts = new CollectSink<(long Key, long Value)>();
        env.FromSequence(1, long.MaxValue / 2).KeyBy(x => x % 3).Sum(x => 1L).SinkTo(counts);
        var job = await env.StartAsync("endless");
        await Eventually(async () => (await job.GetProgressAsync()).CompletedCheckpoints >= 1 ? true : throw new InvalidOperationException("no checkpoint yet"));

        await app.StopAsync().WaitAsync(TimeSpan.FromSeconds(60));

        var result = await job.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.StartsWith("endless/", result.LatestCheckpoint);
        Assert.NotEmpty(counts.Values);
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> attempt)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                return await attempt();
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "actorstream-hosting-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(Path))
                Directory.Delete(Path, recursive: true);
        }
    }
}
