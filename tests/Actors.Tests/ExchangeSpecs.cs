using ActorStream.Actors.Exchange;
using ActorStream.Graph.Plan;
using ActorStream.Graph.Runtime;
using Akka.Actor;
using Akka.TestKit.Xunit2;

namespace ActorStream.Actors.Tests;

public sealed class ExchangeSpecs : TestKit
{
    [Fact]
    public void RecordWriter_should_send_full_batches_not_single_records()
    {
        var receiver = CreateTestProbe();
        var channel = new OutputChannel(receiver, targetChannel: 3);
        channel.AddCredit(100);
        var writer = new RecordWriter<int>([channel], FixedSelector<int>(), batchSize: 100);

        for (var i = 0; i < 1000; i++)
            writer.ProcessElement(new StreamRecord<int>(i, i));

        var batches = Enumerable.Range(0, 10).Select(_ => receiver.ExpectMsg<DataBatch>()).ToList();
        receiver.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.All(batches, b => Assert.Equal(3, b.Channel));
        Assert.All(batches, b => Assert.Equal(100, b.Batch.Count));
        var values = batches.SelectMany(b => ((RecordBatch<int>)b.Batch).Records.ToArray()).Select(r => r.Value);
        Assert.Equal(Enumerable.Range(0, 1000), values);
    }

    /// <summary>Record types of their own: the byte sizes observed per type are process-wide.</summary>
    private sealed record Tiny(byte Value);

    private sealed record Wide(string Text);

    [Fact]
    public void RecordWriter_should_size_batches_to_another_node_by_bytes_beyond_the_batch_size_for_small_records()
    {
        var tiny = CreateTestProbe();
        var wide = CreateTestProbe();
        OutputChannel Remote(IActorRef probe)
        {
            var channel = new OutputChannel(new OnAnotherNode(probe, (ExtendedActorSystem)Sys), 0);
            channel.AddCredit(100);
            Assert.True(channel.IsRemote);
            return channel;
        }
        // As the serializer reports after writing batches: 4 bytes per tiny record, 10,000 per wide one.
        RemoteBatchSizing.Observe(typeof(Tiny), bytes: 4_000, count: 1_000);
        RemoteBatchSizing.Observe(typeof(Wide), bytes: 100_000, count: 10);
        var tinyWriter = new RecordWriter<Tiny>([Remote(tiny)], FixedSelector<Tiny>(), batchSize: 16, remoteBatchBytes: 64 * 1024);
        var wideWriter = new RecordWriter<Wide>([Remote(wide)], FixedSelector<Wide>(), batchSize: 16, remoteBatchBytes: 64 * 1024);

        for (var i = 0; i < 1000; i++)
        {
            tinyWriter.ProcessElement(new StreamRecord<Tiny>(new Tiny((byte)i), i));
            wideWriter.ProcessElement(new StreamRecord<Wide>(new Wide($"{i}"), i));
        }

        // 16 x 16 records, the most a batch to another node holds, far below the byte budget; 6 x 10,000 bytes fill it.
        Assert.Equal(16 * RemoteBatchSizing.RecordsFactor, tiny.ExpectMsg<DataBatch>().Batch.Count);
        Assert.Equal(6, wide.ExpectMsg<DataBatch>().Batch.Count);
    }

    /// <summary>A reference to an actor on another node, as the writer sees it: its address has a host; messages go to a probe.</summary>
    private sealed class OnAnotherNode(IActorRef probe, ExtendedActorSystem system) : MinimalActorRef
    {
        public override ActorPath Path { get; } =
            new RootActorPath(new Address("akka.tcp", "other", "10.0.0.2", 2552)) / "user" / "subtask";

        public override IActorRefProvider Provider => system.Provider;

        protected override void TellInternal(object message, IActorRef sender) => probe.Tell(message, sender);
    }

    [Fact]
    public void RecordWriter_should_send_a_partial_batch_only_when_flushed()
    {
        var receiver = CreateTestProbe();
        var channel = new OutputChannel(receiver, 0);
        channel.AddCredit(1);
        var writer = new RecordWriter<string>([channel], FixedSelector<string>(), batchSize: 10);

        writer.ProcessElement(new StreamRecord<string>("a", 1));
        writer.ProcessElement(new StreamRecord<string>("b", 2));
        receiver.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.True(writer.HasBufferedRecords);

        writer.FlushAll();

        var batch = receiver.ExpectMsg<DataBatch>();
        Assert.Equal(["a", "b"], ((RecordBatch<string>)batch.Batch).Records.ToArray().Select(r => r.Value));
        Assert.False(writer.HasBufferedRecords);
    }

    [Fact]
    public void OutputChannel_should_hold_batches_without_credit_and_keep_events_behind_them()
    {
        var receiver = CreateTestProbe();
        var channel = new OutputChannel(receiver, 0);

        channel.SendBatch(Batch(1));
        channel.SendWatermark(10);
        channel.SendBatch(Batch(2));
        channel.SendEndOfPartition();
        receiver.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.True(channel.HasBacklog);

        channel.AddCredit(1);
        Assert.Equal(1, ((RecordBatch<int>)receiver.ExpectMsg<DataBatch>().Batch).Records[0].Value);
        Assert.Equal(10, receiver.ExpectMsg<ChannelWatermark>().Watermark);
        receiver.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.True(channel.HasBacklog);

        channel.AddCredit(1);
        Assert.Equal(2, ((RecordBatch<int>)receiver.ExpectMsg<DataBatch>().Batch).Records[0].Value);
        receiver.ExpectMsg<EndOfPartition>();
        Assert.False(channel.HasBacklog);
    }

    [Fact]
    public void RecordWriter_should_report_unavailable_once_a_batch_waits_for_credit()
    {
        var receiver = CreateTestProbe();
        var channel = new OutputChannel(receiver, 0);
        channel.AddCredit(1);
        var writer = new RecordWriter<int>([channel], FixedSelector<int>(), batchSize: 2);

        for (var i = 0; i < 4; i++)
            writer.ProcessElement(new StreamRecord<int>(i, 0));

        Assert.False(writer.IsAvailable);
        receiver.ExpectMsg<DataBatch>();
        receiver.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        writer.AddCredit(0, 1);
        receiver.ExpectMsg<DataBatch>();
        Assert.True(writer.IsAvailable);
    }

    [Fact]
    public void Broadcast_writer_should_send_every_record_to_every_channel()
    {
        var receivers = Enumerable.Range(0, 3).Select(_ => CreateTestProbe()).ToList();
        var channels = receivers.Select(r => new OutputChannel(r, 0)).ToArray();
        foreach (var c in channels)
            c.AddCredit(1);
        var writer = new RecordWriter<int>(channels, selector: null, batchSize: 5);

        for (var i = 0; i < 5; i++)
            writer.ProcessElement(new StreamRecord<int>(i, 0));

        foreach (var receiver in receivers)
            Assert.Equal(Enumerable.Range(0, 5), ((RecordBatch<int>)receiver.ExpectMsg<DataBatch>().Batch).Records.ToArray().Select(r => r.Value));
    }

    [Fact]
    public void InputGate_should_take_channels_round_robin_and_return_one_credit_per_batch()
    {
        var senderA = CreateTestProbe();
        var senderB = CreateTestProbe();
        var gate = new InputGate([(senderA.Ref, 0, 4, 0), (senderB.Ref, 1, 5, 0)]);
        gate.GrantInitialCredits(2);
        Assert.Equal(new Credit(0, 4, 2), senderA.ExpectMsg<Credit>());
        Assert.Equal(new Credit(1, 5, 2), senderB.ExpectMsg<Credit>());

        gate.Enqueue(new DataBatch(0, Batch(1)));
        gate.Enqueue(new DataBatch(0, Batch(2)));
        gate.Enqueue(new DataBatch(1, Batch(3)));

        var order = new List<int>();
        while (gate.TryDequeue(out var message))
        {
            order.Add(((RecordBatch<int>)((DataBatch)message).Batch).Records[0].Value);
            gate.ReturnCredit(message.Channel);
        }
        Assert.Equal([1, 3, 2], order);
        Assert.Equal(new Credit(0, 4, 1), senderA.ExpectMsg<Credit>());
        Assert.Equal(new Credit(0, 4, 1), senderA.ExpectMsg<Credit>());
        Assert.Equal(new Credit(1, 5, 1), senderB.ExpectMsg<Credit>());
    }

    [Fact]
    public void InputGate_should_hand_out_nothing_before_every_channel_delivered_its_first_message()
    {
        var gate = new InputGate([(CreateTestProbe().Ref, 0, 0, 0), (CreateTestProbe().Ref, 0, 1, 0)]);
        gate.Enqueue(new DataBatch(0, Batch(1)));
        gate.Enqueue(new ChannelWatermark(0, 50));

        Assert.False(gate.HasQueued);
        Assert.False(gate.TryDequeue(out _));
        gate.Enqueue(new ChannelWatermarkStatus(1, Idle: true)); // the second sender's announcement: it starts idle

        var order = new List<IChannelMessage>();
        while (gate.TryDequeue(out var message))
            order.Add(message);
        Assert.Equal(3, order.Count);
        Assert.IsType<DataBatch>(order[0]);
        Assert.Equal(new ChannelWatermarkStatus(1, true), order[1]);
        Assert.Equal(new ChannelWatermark(0, 50), order[2]);
    }

    [Fact]
    public void WatermarkValve_should_emit_the_minimum_of_open_channels_and_never_go_back()
    {
        var valve = new WatermarkValve(3);

        Assert.Null(valve.OnWatermark(0, 10));
        Assert.Null(valve.OnWatermark(1, 5));
        Assert.Equal(5, valve.OnWatermark(2, 7));
        Assert.Null(valve.OnWatermark(1, 4));
        Assert.Equal(7, valve.OnWatermark(1, 20));
        Assert.Equal(10, valve.OnChannelEnded(2));
        Assert.Equal(20, valve.OnWatermark(0, 30));
    }

    private static IRecordBatch Batch(int value)
    {
        var array = RecordBatch<int>.RentArray(1);
        array[0] = new StreamRecord<int>(value, 0);
        return new RecordBatch<int>(array, 1);
    }

    private static IChannelSelector<T> FixedSelector<T>() =>
        ForwardPartitioner.Instance.CreateSelector<T>(1, 0, 128);
}
