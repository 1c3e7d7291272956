using ActorStream.Actors.Checkpointing;
using ActorStream.Actors.Serialization;
using ActorStream.Actors.State;
using ActorStream.Actors.Subtasks;
using Akka.Actor;
using Akka.TestKit.Xunit2;

namespace ActorStream.Actors.Tests.Serialization;

/// <summary>
/// Messages that grow with user state travel to another node in parts no larger than the budget
/// (half a remote frame), each part itself serialized as Akka.Remote would; the receiver gets the
/// whole message back, also when transfers interleave.
/// </summary>
public sealed class MessagePartsSpecs : TestKit
{
    private const int Budget = 1_000;
    private readonly MessageParts _parts;
    private readonly MessageAssembler _assembler;

    public MessagePartsSpecs() : base(RuntimeSerializer.Bindings)
    {
        _parts = new MessageParts(Sys, Budget);
        _assembler = new MessageAssembler(Sys);
    }

    [Fact]
    public void A_message_within_the_budget_should_be_sent_as_it_is()
    {
        var write = new WriteKeyGroupState(3, new byte[100], false, 2);

        var sent = Send(write);

        Assert.Same(write, Assert.Single(sent));
    }

    [Fact]
    public void A_larger_message_should_travel_in_parts_within_the_budget_and_come_back_whole()
    {
        var data = Enumerable.Range(0, 4_321).Select(i => (byte)(i * 7)).ToArray();
        var write = new WriteKeyGroupState(3, data, true, 2);

        var sent = Send(write);

        var parts = sent.Cast<MessagePart>().ToList();
        Assert.Equal(5, parts.Count);
        Assert.All(parts, p => Assert.InRange(p.Bytes.Length, 1, Budget));
        Assert.Equal([0, 1, 2, 3, 4], parts.Select(p => p.Index));
        var whole = Assemble(parts.Select(OverTheWire));
        var copy = Assert.IsType<WriteKeyGroupState>(Assert.Single(whole));
        Assert.Equal((3L, true, 2L), (copy.CheckpointId, copy.Retained, copy.LatestCompleted));
        Assert.Equal(data, copy.Data);
    }

    [Fact]
    public void Interleaved_transfers_of_an_acknowledgement_and_a_deployment_should_both_come_back_whole()
    {
        var big = new byte[3_000];
        Random.Shared.NextBytes(big);
        var ack = new AcknowledgeCheckpoint("sum", 1, 9, new SubtaskCheckpointState(
            new Dictionary<string, byte[]> { ["source"] = big }, ["sum"], 4, 1_024));
        var checkpoint = RuntimeMessageSamples.Checkpoint(9) with
        {
            Operators = new Dictionary<string, OperatorCheckpointState> { ["source"] = new(2, 128, false, [big, big]) },
        };
        var deploy = new DeploySubtask("job-1", RuntimeMessageSamples.Spec(), "sum", 1, 2, TestActor, checkpoint);

        var ackParts = Send(ack);
        var deployParts = Send(deploy);

        Assert.True(ackParts.Count > 1 && deployParts.Count > 1);
        var interleaved = ackParts.Zip(deployParts, (a, d) => new[] { d, a }).SelectMany(pair => pair)
            .Concat(ackParts.Skip(deployParts.Count)).Concat(deployParts.Skip(ackParts.Count));
        var whole = Assemble(interleaved.Cast<MessagePart>().Select(OverTheWire));
        Assert.Equal(2, whole.Count);
        WireAssert.Equivalent(ack, whole.OfType<AcknowledgeCheckpoint>().Single());
        WireAssert.Equivalent(deploy, whole.OfType<DeploySubtask>().Single());
    }

    [Fact]
    public void A_transfer_with_a_lost_part_should_not_complete_nor_block_later_ones()
    {
        var first = Send(new WriteKeyGroupState(1, new byte[2_500], false, 0)).Cast<MessagePart>().ToList();
        var second = Send(new WriteKeyGroupState(2, new byte[2_500], false, 1)).Cast<MessagePart>().ToList();

        var whole = Assemble(first.Skip(1).Concat(second));

        Assert.Equal(2, Assert.IsType<WriteKeyGroupState>(Assert.Single(whole)).CheckpointId);
    }

    private List<object> Send(object message)
    {
        var sent = new List<object>();
        _parts.Send(message, sent.Add);
        return sent;
    }

    private List<object> Assemble(IEnumerable<MessagePart> parts) =>
        parts.Select(_assembler.Add).OfType<object>().ToList();

    private MessagePart OverTheWire(MessagePart part)
    {
        var serialization = ((ExtendedActorSystem)Sys).Serialization;
        var serializer = serialization.FindSerializerFor(part);
        var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, part);
        return (MessagePart)serialization.Deserialize(serializer.ToBinary(part), serializer.Identifier, manifest);
    }
}
