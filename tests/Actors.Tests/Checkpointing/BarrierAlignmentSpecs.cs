using ActorStream.Actors.Checkpointing;
using ActorStream.Actors.Exchange;
using ActorStream.Graph;
using ActorStream.Graph.Runtime;
using Akka.TestKit.Xunit2;

namespace ActorStream.Actors.Tests.Checkpointing;

/// <summary>
/// The input side of a subtask with several input channels, driven the way SubtaskActor drives it:
/// the gate hands out messages, the aligner decides what a barrier blocks. Senders are test probes,
/// so the credits a subtask returns are visible.
/// </summary>
public sealed class BarrierAlignmentSpecs : TestKit
{
    private static readonly CheckpointBarrier Barrier = new(1, 0, CheckpointKind.Checkpoint);

    private static DataBatch Batch(int channel, params int[] values)
    {
        var array = RecordBatch<int>.RentArray(values.Length);
        for (var i = 0; i < values.Length; i++)
            array[i] = new StreamRecord<int>(values[i], i);
        return new DataBatch(channel, new RecordBatch<int>(array, values.Length));
    }

    /// <summary>Drains the gate like the subtask does; returns what was processed, with "checkpoint" where the snapshot was taken.</summary>
    private static List<string> Drain(InputGate gate, BarrierAligner aligner)
    {
        var processed = new List<string>();
        while (gate.TryDequeue(out var message))
        {
            switch (message)
            {
                case DataBatch data:
                    processed.AddRange(((RecordBatch<int>)data.Batch).Records.ToArray().Select(r => $"{data.Channel}:{r.Value}"));
                    gate.ReturnCredit(data.Channel);
                    break;
                case ChannelBarrier barrier:
                    var step = aligner.OnBarrier(barrier.Channel, barrier.Barrier);
                    if (step.Block)
                        gate.Block(barrier.Channel);
                    if (step.Complete is not null)
                    {
                        processed.Add("checkpoint");
                        gate.UnblockAll();
                    }
                    break;
            }
        }
        return processed;
    }

    [Fact]
    public void Subtask_should_align_barriers_from_all_inputs()
    {
        var senderA = CreateTestProbe();
        var senderB = CreateTestProbe();
        var gate = new InputGate([(senderA.Ref, 0, 0, 0), (senderB.Ref, 0, 0, 1)]);
        var aligner = new BarrierAligner(gate.ChannelCount, CheckpointingMode.ExactlyOnce);
        gate.Enqueue(Batch(0, 1));
        gate.Enqueue(new ChannelBarrier(0, Barrier));
        gate.Enqueue(Batch(0, 2)); // after the barrier on channel 0: must wait for channel 1's barrier
        gate.Enqueue(Batch(1, 10));

        Assert.Equal(["0:1", "1:10"], Drain(gate, aligner));
        Assert.False(gate.HasQueued); // channel 0 is blocked; its batch waits
        senderA.ExpectMsg<Credit>();
        senderA.ExpectNoMsg(TimeSpan.FromMilliseconds(100)); // no credit for the held-back batch yet

        gate.Enqueue(Batch(1, 11));
        gate.Enqueue(new ChannelBarrier(1, Barrier));
        gate.Enqueue(Batch(1, 12));

        Assert.Equal(["1:11", "checkpoint", "0:2", "1:12"], Drain(gate, aligner));
        senderA.ExpectMsg<Credit>();
    }

    [Fact]
    public void At_least_once_should_keep_processing_channels_that_delivered_their_barrier()
    {
        var gate = new InputGate([(CreateTestProbe().Ref, 0, 0, 0), (CreateTestProbe().Ref, 0, 0, 1)]);
        var aligner = new BarrierAligner(gate.ChannelCount, CheckpointingMode.AtLeastOnce);
        gate.Enqueue(new ChannelBarrier(0, Barrier));
        gate.Enqueue(Batch(0, 2));
        gate.Enqueue(Batch(1, 10));
        gate.Enqueue(new ChannelBarrier(1, Barrier));

        // Record 2 (after channel 0's barrier) is in the checkpoint's state: replayed after a restore, it counts twice.
        Assert.Equal(["1:10", "0:2", "checkpoint"], Drain(gate, aligner));
    }
}
