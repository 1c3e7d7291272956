using ActorStream.Actors.Node;
using ActorStream.Graph;
using Akka.Actor;
using Akka.Configuration;

namespace ActorStream.Actors.Tests.Cluster;

/// <summary>ActorStreamNode.AttachAsync on an application's own actor system, without Akka.Hosting.</summary>
public sealed class AttachSpecs
{
    private static readonly Config ClusterSystem = ConfigurationFactory.ParseString("""
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0, maximum-frame-size = 4194304b }
        akka.loglevel = WARNING
        """);

    [Fact]
    public async Task Attaching_to_a_system_without_actorstreams_configuration_should_say_what_is_missing()
    {
        using var system = ActorSystem.Create("app", ClusterSystem);

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => ActorStreamNode.AttachAsync(system));

        Assert.Contains("lacks ActorStream's serializer bindings and its journal (actorstream.persistence.journal)", error.Message);
        Assert.Contains("WithActorStream", error.Message);
        await system.Terminate();
    }

    [Fact]
    public async Task A_system_created_with_the_embedding_config_should_run_a_job_with_its_own_defaults_untouched()
    {
        var directory = Path.Combine(Path.GetTempPath(), "actorstream-attach-" + Guid.NewGuid().ToString("N"));
        var settings = NodeSettings.Create(ConfigurationFactory.ParseString($"actorstream.state.db = {HoconText.Quote(Path.Combine(directory, "state.db"))}"));
        ActorStream.Actors.Persistence.StateStoreInitializer.EnsureOnce(settings.StateStore);
        using var system = ActorSystem.Create("app", ClusterSystem
            .WithFallback(ConfigurationFactory.ParseString("akka.cluster.roles = [\"actorstream-slots-unlimited\"]"))
            .WithFallback(ActorStreamNode.EmbeddingConfig(settings)));
        var cluster = Akka.Cluster.Cluster.Get(system);
        cluster.Join(cluster.SelfAddress);
        var node = await ActorStreamNode.AttachAsync(system, settings);
        var env = StreamExecutionEnvironment.Create(node.Executor);
        var sums = new CollectSink<(long Key, long Value)>();
        env.FromSequence(1, 100).KeyBy(x => x % 2).Sum(x => x).SinkTo(sums);

        await env.ExecuteAsync("attached").WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal([(0L, 2_550L), (1L, 2_500L)], sums.Values.GroupBy(s => s.Key).Select(g => (g.Key, g.Max(s => s.Value))).Order());
        Akka.Persistence.Persistence.Instance.Apply(system); // loads the persistence defaults, as an application's first persistent actor would
        Assert.Equal("akka.persistence.journal.inmem", system.Settings.Config.GetString("akka.persistence.journal.plugin"));
        await system.Terminate();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
