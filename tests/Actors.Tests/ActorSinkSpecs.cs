using System.Collections.Concurrent;
using ActorStream.Actors.Interop;
using ActorStream.Actors.Tests.Support;
using ActorStream.Graph;
using Akka.Actor;
using Akka.Cluster.Sharding;

namespace ActorStream.Actors.Tests;

/// <summary>Jobs that deliver their results to the application's actors and entities, each message acknowledged.</summary>
public sealed class ActorSinkSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Every_record_should_reach_the_actor_and_be_acknowledged()
    {
        var received = new ConcurrentQueue<long>();
        var target = fixture.Node.System.ActorOf(Props.Create(() => new Acknowledging(received, 0)));
        var env = fixture.CreateEnvironment(parallelism: 2);
        env.FromSequence(1, 5_000).Map(x => x * 2).SinkToActor(target, x => x, new ActorSinkOptions { MaxInFlight = 16 });

        await env.ExecuteAsync("to-actor").WaitAsync(Patience);

        Assert.Equal(Enumerable.Range(1, 5_000).Select(x => x * 2L), received.Order());
    }

    [Fact]
    public async Task A_writer_should_have_no_more_messages_in_flight_than_allowed_until_the_target_answers()
    {
        var received = new ConcurrentQueue<long>();
        var held = new List<IActorRef>();
        var target = fixture.Node.System.ActorOf(Props.Create(() => new Holding(received, held)));
        var env = fixture.CreateEnvironment(parallelism: 1);
        env.FromSequence(1, 100).SinkToActor(target, x => x, new ActorSinkOptions { MaxInFlight = 4, AckTimeout = TimeSpan.FromSeconds(30) });

        var run = env.ExecuteAsync("to-slow-actor");
        await Eventually.WaitUntil(() => received.Count >= 4, Patience);
        await Task.Delay(500); // time enough for a fifth message, were the window not full

        Assert.Equal(4, received.Count);
        target.Tell("release");
        await run.WaitAsync(Patience);
        Assert.Equal(Enumerable.Range(1, 100).Select(x => (long)x), received.Order());
    }

    [Fact]
    public async Task A_message_left_unanswered_should_be_sent_again_so_every_record_arrives()
    {
        var received = new ConcurrentQueue<long>();
        var target = fixture.Node.System.ActorOf(Props.Create(() => new Acknowledging(received, 10))); // ignores each 10th message once
        var env = fixture.CreateEnvironment(parallelism: 1);
        env.FromSequence(1, 200).SinkToActor(target, x => x, new ActorSinkOptions { AckTimeout = TimeSpan.FromMilliseconds(200) });

        await env.ExecuteAsync("to-forgetful-actor").WaitAsync(Patience);

        Assert.Equal(Enumerable.Range(1, 200).Select(x => (long)x), received.Distinct().Order());
        Assert.True(received.Count >= 220, $"{received.Count} deliveries"); // the 20 ignored ones came again: at least once
    }

    [Fact]
    public async Task Records_should_reach_the_entities_of_a_shard_region_by_id()
    {
        var totals = new ConcurrentDictionary<string, long>();
        var region = await ClusterSharding.Get(fixture.Node.System).StartAsync("totals-" + Guid.NewGuid().ToString("N"),
            _ => Props.Create(() => new Total(totals)), ClusterShardingSettings.Create(fixture.Node.System), new Entities());
        var env = fixture.CreateEnvironment(parallelism: 2);
        env.FromSequence(1, 1_000).SinkToShardRegion(region, x => $"key-{x % 7}", x => new Add($"key-{x % 7}", x));

        await env.ExecuteAsync("to-entities").WaitAsync(Patience);

        var expected = Enumerable.Range(1, 1_000).GroupBy(x => $"key-{x % 7}").ToDictionary(g => g.Key, g => g.Sum(x => (long)x));
        Assert.Equal(expected.OrderBy(e => e.Key), totals.OrderBy(e => e.Key));
    }

    [Fact]
    public async Task A_target_that_never_answers_should_fail_the_job_saying_what_to_do()
    {
        var silent = fixture.Node.System.ActorOf(Props.Create(() => new Silent()));
        var env = fixture.CreateEnvironment(parallelism: 1);
        env.FromSequence(1, 10).SinkToActor(silent, x => x, new ActorSinkOptions { AckTimeout = TimeSpan.FromMilliseconds(100), MaxAttempts = 2 });

        var error = await Assert.ThrowsAsync<JobExecutionException>(() => env.ExecuteAsync("to-silent-actor").WaitAsync(Patience));

        Assert.Contains("acknowledged no message in 2 attempts", error.Message);
        Assert.Contains("reply to each message", error.Message);
    }

    /// <summary>Records what it receives and replies, except that it ignores the first delivery of every n-th message.</summary>
    private sealed class Acknowledging : ReceiveActor
    {
        public Acknowledging(ConcurrentQueue<long> received, int ignoreEvery)
        {
            var ignored = new HashSet<long>();
            Receive<long>(x =>
            {
                received.Enqueue(x);
                if (ignoreEvery > 0 && x % ignoreEvery == 0 && ignored.Add(x))
                    return;
                Sender.Tell("ok");
            });
        }
    }

    /// <summary>Holds back its answers until told "release", then answers everything at once.</summary>
    private sealed class Holding : ReceiveActor
    {
        public Holding(ConcurrentQueue<long> received, List<IActorRef> held)
        {
            var released = false;
            Receive<long>(x =>
            {
                received.Enqueue(x);
                if (released)
                    Sender.Tell("ok");
                else
                    held.Add(Sender);
            });
            Receive<string>(_ =>
            {
                released = true;
                held.ForEach(sender => sender.Tell("ok"));
                held.Clear();
            });
        }
    }

    private sealed class Silent : ReceiveActor
    {
        public Silent() => ReceiveAny(_ => { });
    }

    /// <summary>An application's entity: adds what it is sent to its total and acknowledges.</summary>
    private sealed class Total : ReceiveActor
    {
        public Total(ConcurrentDictionary<string, long> totals)
        {
            var id = Self.Path.Name;
            Receive<Add>(add =>
            {
                totals.AddOrUpdate(id, add.Amount, (_, sum) => sum + add.Amount);
                Sender.Tell("ok");
            });
        }
    }

    private sealed record Add(string Key, long Amount);

    /// <summary>The application's extractor, for its own messages: Akka unwraps the sink's ShardingEnvelope before it.</summary>
    private sealed class Entities : HashCodeMessageExtractor
    {
        public Entities() : base(10) { }

        public override string EntityId(object message) => ((Add)message).Key;
    }
}
