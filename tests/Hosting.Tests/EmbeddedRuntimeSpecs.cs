using ActorStream.Graph;
using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using Akka.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ActorStream.Hosting.Tests;

/// <summary>
/// ActorStream added to an application's actor system with WithActorStream (Akka.Hosting.TestKit): a checkpointed job
/// submitted through the IJobExecutor from DI gives exact results, while the application's own persistent actor keeps
/// its default (in-memory) journal, its own shard region answers with the system's sharding defaults, and nothing of
/// the application lands in ActorStream's SQLite store.
/// </summary>
public sealed class EmbeddedRuntimeSpecs : Akka.Hosting.TestKit.TestKit
{
    // Left in the temp folder: the host holds the file open until after the test.
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "actorstream-hosting-" + Guid.NewGuid().ToString("N"));

    public EmbeddedRuntimeSpecs() : base("app", startupTimeout: TimeSpan.FromSeconds(60))
    {
    }

    private string StateDb => Path.Combine(_directory, "state.db");

    protected override void ConfigureServices(HostBuilderContext context, IServiceCollection services)
    {
        base.ConfigureServices(context, services);
        services.AddActorStream();
    }

    protected override void ConfigureAkka(AkkaConfigurationBuilder builder, IServiceProvider provider)
    {
        builder
            .WithClustering(new ClusterOptions { Roles = ["app"] })
            .WithShardRegion<Greeter>("greeters", _ => Props.Create(() => new Greeter()), new GreeterExtractor(), new ShardOptions())
            .WithActorStream(options =>
            {
                options.StateDb = StateDb;
                options.Slots = 4;
            })
            .AddStartup((system, _) => Akka.Cluster.Cluster.Get(system).Join(Akka.Cluster.Cluster.Get(system).SelfAddress));
    }

    [Fact]
    public async Task A_job_should_run_beside_the_applications_own_actors_journal_and_shards()
    {
        var executor = Host.Services.GetRequiredService<IJobExecutor>();
        var env = StreamExecutionEnvironment.Create(executor);
        env.Parallelism = 2;
        env.RuntimeMode = RuntimeExecutionMode.Streaming; // checkpoints, and a final one at the end of the input
        env.EnableCheckpointing(TimeSpan.FromMilliseconds(100));
        var sums = new CollectSink<(long Key, long Value)>();
        env.FromSequence(1, 2_000).KeyBy(x => x % 5).Sum(x => x).SinkTo(sums);

        var result = await env.ExecuteAsync("embedded-sums").WaitAsync(TimeSpan.FromSeconds(90));

        var finals = sums.Values.GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Max(s => s.Value));
        var expected = Enumerable.Range(1, 2_000).GroupBy(x => (long)(x % 5)).ToDictionary(g => g.Key, g => g.Sum(x => (long)x));
        Assert.Equal(expected.OrderBy(e => e.Key), finals.OrderBy(e => e.Key));
        Assert.True(result.CompletedCheckpoints >= 1, $"{result.CompletedCheckpoints} checkpoints");

        // The application's persistent actor: its default journal (in memory), recovered after a restart.
        var first = Sys.ActorOf(Props.Create(() => new Tally("tally-1")));
        foreach (var n in new[] { 1, 2, 3 })
            first.Tell(n);
        Assert.Equal(6, await first.Ask<int>("sum", TimeSpan.FromSeconds(10)));
        await first.GracefulStop(TimeSpan.FromSeconds(10));
        Assert.Equal(6, await Sys.ActorOf(Props.Create(() => new Tally("tally-1"))).Ask<int>("sum", TimeSpan.FromSeconds(10)));
        Assert.Equal("akka.persistence.journal.inmem", Sys.Settings.Config.GetString("akka.persistence.journal.plugin"));

        // The application's shard region, with the system's sharding defaults (passivation on); ActorStream's own are off.
        var greeters = await ActorRegistry.GetAsync<Greeter>();
        Assert.Equal("hello ann", await greeters.Ask<string>(new Greet("ann"), TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.FromMinutes(2), ClusterShardingSettings.Create(Sys).PassivateIdleEntityAfter);
        Assert.Equal("off", Sys.Settings.Config.GetString("actorstream.sharding.passivate-idle-entity-after"));

        // ActorStream's store holds its key groups and nothing of the application's.
        await using var store = new SqliteConnection($"Data Source={StateDb}");
        await store.OpenAsync();
        Assert.True(await CountAsync(store, "SELECT COUNT(*) FROM journal WHERE persistence_id LIKE 'kg/%'") > 0);
        Assert.Equal(0, await CountAsync(store, "SELECT COUNT(*) FROM journal WHERE persistence_id = 'tally-1'"));
    }

    private static async Task<long> CountAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The application's own persistent actor: sums the numbers it is told, on the default journal.</summary>
    private sealed class Tally : ReceivePersistentActor
    {
        private int _sum;

        public Tally(string id)
        {
            PersistenceId = id;
            Recover<int>(n => _sum += n);
            Command<int>(n => Persist(n, _ => _sum += n));
            Command<string>(_ => Sender.Tell(_sum));
        }

        public override string PersistenceId { get; }
    }

    private sealed record Greet(string Name);

    /// <summary>The application's own sharded entity.</summary>
    private sealed class Greeter : ReceiveActor
    {
        public Greeter() => Receive<Greet>(g => Sender.Tell($"hello {g.Name}"));
    }

    private sealed class GreeterExtractor : HashCodeMessageExtractor
    {
        public GreeterExtractor() : base(10) { }

        public override string EntityId(object message) => message is Greet g ? g.Name : "";
    }
}
