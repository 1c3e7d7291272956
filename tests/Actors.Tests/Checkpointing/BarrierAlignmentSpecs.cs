using ActorStream.Actors.Checkpointing;
using ActorStream.Actors.Exchange;
using ActorStream.Actors.JobMaster;
using ActorStream.Actors.Node;
using ActorStream.Actors.Subtasks;
using ActorStream.Actors.Tests.Support;
using ActorStream.Graph;
using ActorStream.Graph.Plan;
using ActorStream.Graph.Runtime;
using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;

namespace ActorStream.Actors.Tests.Checkpointing;

/// <summary>
/// A real subtask with two input channels (the union of two sources into map → sink), deployed and
/// connected as a job master would; test probes play its upstream subtasks (they receive its credits)
/// and its job master (it receives the acknowledgement). What the sink receives, in order, shows
/// what a barrier held back.
/// </summary>
public sealed class BarrierAlignmentSpecs : TestKit
{
    private static readonly CheckpointBarrier Barrier = new(1, 0, CheckpointKind.Checkpoint);
    private readonly TestProbe _jobMaster;
    private readonly TestProbe _senderA;
    private readonly TestProbe _senderB;

    public BarrierAlignmentSpecs()
    {
        _jobMaster = CreateTestProbe();
        _senderA = CreateTestProbe();
        _senderB = CreateTestProbe();
    }

    [Fact]
    public async Task Exactly_once_should_hold_back_a_channel_that_delivered_its_barrier_until_all_have()
    {
        var (subtask, sink, channelOf) = await DeployUnion(CheckpointingMode.ExactlyOnce);
        var (a, b) = (channelOf(_senderA), channelOf(_senderB));

        Send(subtask, _senderA, Batch(a, 1));
        Send(subtask, _senderA, new ChannelBarrier(a, Barrier));
        Send(subtask, _senderA, Batch(a, 2)); // after A's barrier: waits for B's
        Send(subtask, _senderB, Batch(b, 10));
        Send(subtask, _senderB, Batch(b, 11));
        await _senderB.ExpectMsgAsync<Credit>();
        await _senderB.ExpectMsgAsync<Credit>();
        await _senderA.ExpectMsgAsync<Credit>();
        await _senderA.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300)); // no credit for the held-back batch yet
        await _jobMaster.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));

        Send(subtask, _senderB, new ChannelBarrier(b, Barrier));
        Send(subtask, _senderB, Batch(b, 12));

        var ack = await _jobMaster.ExpectMsgAsync<AcknowledgeCheckpoint>();
        Assert.Equal(Barrier.Id, ack.CheckpointId);
        Assert.InRange(ack.AlignmentMs, 350, 30_000); // A's channel was held back for the 400 ms waited above (less timer slack)
        await _senderA.ExpectMsgAsync<Credit>(); // the held-back batch was processed after the snapshot
        await Eventually.ReturnsAsync(() => Task.FromResult(sink.Values), v => v.Count == 5, TimeSpan.FromSeconds(5));
        Assert.Equal([1L, 10, 11, 2, 12], sink.Values);
    }

    [Fact]
    public async Task At_least_once_should_keep_processing_channels_that_delivered_their_barrier()
    {
        var (subtask, sink, channelOf) = await DeployUnion(CheckpointingMode.AtLeastOnce);
        var (a, b) = (channelOf(_senderA), channelOf(_senderB));

        Send(subtask, _senderA, new ChannelBarrier(a, Barrier));
        Send(subtask, _senderA, Batch(a, 2));
        Send(subtask, _senderB, Batch(b, 10));
        await _senderA.ExpectMsgAsync<Credit>(); // not held back
        await _jobMaster.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        Send(subtask, _senderB, new ChannelBarrier(b, Barrier));

        Assert.Equal(Barrier.Id, (await _jobMaster.ExpectMsgAsync<AcknowledgeCheckpoint>()).CheckpointId);
        // Record 2 (after A's barrier) is in the checkpoint's state: replayed after a restore, it counts twice.
        Assert.Equal([2L, 10], sink.Values);
    }

    [Fact]
    public async Task A_newer_barrier_before_alignment_should_decline_the_older_checkpoint_and_release_the_channels()
    {
        var (subtask, sink, channelOf) = await DeployUnion(CheckpointingMode.ExactlyOnce);
        var (a, b) = (channelOf(_senderA), channelOf(_senderB));
        var next = Barrier with { Id = 2 };

        Send(subtask, _senderA, new ChannelBarrier(a, Barrier));
        Send(subtask, _senderA, Batch(a, 1));
        Send(subtask, _senderB, new ChannelBarrier(b, next)); // B skipped checkpoint 1 (it was aborted upstream)

        var decline = await _jobMaster.ExpectMsgAsync<DeclineCheckpoint>();
        Assert.Equal(Barrier.Id, decline.CheckpointId);
        Send(subtask, _senderA, new ChannelBarrier(a, next));
        Assert.Equal(next.Id, (await _jobMaster.ExpectMsgAsync<AcknowledgeCheckpoint>()).CheckpointId);
        Assert.Equal([1L], sink.Values);
    }

    /// <summary>Deploys and connects the map → sink subtask of union(A, B); returns it, its sink and the channel each sender writes to.</summary>
    private async Task<(IActorRef Subtask, CollectSink<long> Sink, Func<TestProbe, int> ChannelOf)> DeployUnion(CheckpointingMode mode)
    {
        var sink = new CollectSink<long>();
        var env = StreamExecutionEnvironment.Create();
        env.Parallelism = 1;
        env.RuntimeMode = RuntimeExecutionMode.Streaming;
        env.EnableCheckpointing(TimeSpan.FromHours(1), mode); // barriers come from the test, not from a timer
        var a = env.FromSource(new CountingSource(), WatermarkStrategy<long>.NoWatermarks(), "a").Uid("a");
        var b = env.FromSource(new CountingSource(), WatermarkStrategy<long>.NoWatermarks(), "b").Uid("b");
        a.Union(b).Map(x => x).Uid("map").SinkTo(sink, "sink").Uid("sink");
        var graph = env.GetJobGraph("alignment");
        var vertex = graph.Vertices.Single(v => v.Inputs.Count == 2);

        var services = new RuntimeServices(new JobGraphs(new JobCatalog()), TimeProvider.System) { MetricsInterval = TimeSpan.FromHours(1) };
        var spec = services.Graphs.Register("job-1", graph);
        var subtask = Sys.ActorOf(SubtaskActor.Props(services));
        subtask.Tell(new DeploySubtask("job-1", spec, vertex.Id, 0, 0, _jobMaster.Ref));
        await _jobMaster.ExpectMsgAsync<SubtaskRegistered>();

        var senders = new Dictionary<string, TestProbe> { [Upstream(graph, "a").Id] = _senderA, [Upstream(graph, "b").Id] = _senderB };
        var refs = senders.ToDictionary(s => s.Key, s => new[] { s.Value.Ref });
        refs[vertex.Id] = [subtask];
        subtask.Tell(new ConnectSubtask(refs));
        Assert.Equal(graph.Settings.CreditsPerChannel, (await _senderA.ExpectMsgAsync<Credit>()).Amount); // the initial grant
        Assert.Equal(graph.Settings.CreditsPerChannel, (await _senderB.ExpectMsgAsync<Credit>()).Amount);
        var channels = ChannelLayout.InputsOf(vertex, 0).Select((c, channel) => (Sender: senders[c.Sender.Id], Channel: channel)).ToList();
        // As every running subtask does, each sender first announces its watermark status: the gate waits for both.
        foreach (var (sender, channel) in channels)
            Send(subtask, sender, new ChannelWatermarkStatus(channel, Idle: false));
        return (subtask, sink, probe => channels.Single(c => c.Sender == probe).Channel);
    }

    private static JobVertex Upstream(JobGraph graph, string sourceUid) => graph.Vertices.Single(v => v.Head.Uid == sourceUid);

    private static void Send(IActorRef subtask, TestProbe from, IChannelMessage message) => subtask.Tell(message, from.Ref);

    private static DataBatch Batch(int channel, params long[] values)
    {
        var array = RecordBatch<long>.RentArray(values.Length);
        for (var i = 0; i < values.Length; i++)
            array[i] = new StreamRecord<long>(values[i], i);
        return new DataBatch(channel, new RecordBatch<long>(array, values.Length));
    }
}
