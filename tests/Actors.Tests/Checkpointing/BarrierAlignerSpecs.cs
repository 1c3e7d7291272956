using ActorStream.Actors.Checkpointing;
using ActorStream.Graph;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ActorStream.Actors.Tests.Checkpointing;

public sealed class BarrierAlignerSpecs
{
    private static CheckpointBarrier Barrier(long id) => new(id, 0, CheckpointKind.Checkpoint);

    [Fact]
    public void Exactly_once_should_block_each_channel_until_every_channel_delivered_the_barrier()
    {
        var aligner = new BarrierAligner(3, CheckpointingMode.ExactlyOnce);

        Assert.Equal(new AlignmentStep(true, null, null), aligner.OnBarrier(1, Barrier(1)));
        Assert.Equal(new AlignmentStep(true, null, null), aligner.OnBarrier(0, Barrier(1)));
        var last = aligner.OnBarrier(2, Barrier(1));

        Assert.False(last.Block);
        Assert.Equal(1, last.Complete!.Id);
        Assert.Null(aligner.Aligning);
    }

    [Fact]
    public void At_least_once_should_never_block_but_complete_on_the_last_barrier()
    {
        var aligner = new BarrierAligner(2, CheckpointingMode.AtLeastOnce);

        Assert.Equal(default, aligner.OnBarrier(0, Barrier(4)));
        Assert.Equal(4, aligner.OnBarrier(1, Barrier(4)).Complete!.Id);
    }

    [Fact]
    public void A_single_channel_should_complete_at_once()
    {
        var aligner = new BarrierAligner(1, CheckpointingMode.ExactlyOnce);

        Assert.Equal(7, aligner.OnBarrier(0, Barrier(7)).Complete!.Id);
    }

    [Fact]
    public void An_ended_channel_should_no_longer_be_waited_for()
    {
        var aligner = new BarrierAligner(3, CheckpointingMode.ExactlyOnce);
        aligner.OnBarrier(0, Barrier(2));
        aligner.OnBarrier(1, Barrier(2));

        Assert.Equal(2, aligner.OnChannelEnded(2)!.Id);
        Assert.Equal(3, aligner.OnBarrier(0, Barrier(3)) is { Block: true } ? 3 : 0);
        Assert.Equal(3, aligner.OnBarrier(1, Barrier(3)).Complete!.Id);
    }

    [Fact]
    public void A_newer_barrier_should_abort_the_unfinished_alignment()
    {
        var aligner = new BarrierAligner(2, CheckpointingMode.ExactlyOnce);
        aligner.OnBarrier(0, Barrier(5));

        var step = aligner.OnBarrier(1, Barrier(6));

        Assert.Equal(5, step.Aborted);
        Assert.True(step.Block);
        Assert.Equal(6, aligner.Aligning);
        Assert.Equal(6, aligner.OnBarrier(0, Barrier(6)).Complete!.Id);
    }

    [Fact]
    public void Barriers_of_a_taken_or_aborted_checkpoint_should_be_ignored()
    {
        var aligner = new BarrierAligner(2, CheckpointingMode.ExactlyOnce);
        aligner.OnBarrier(0, Barrier(1));
        Assert.True(aligner.Abort(1));

        Assert.Equal(default, aligner.OnBarrier(1, Barrier(1)));
        Assert.Null(aligner.Aligning);
    }

    [Property(MaxTest = 200)]
    public Property Alignment_should_complete_exactly_at_the_last_channel_for_any_arrival_order(PositiveInt channels, int seed)
    {
        var count = Math.Min(channels.Get, 12);
        var order = Enumerable.Range(0, count).OrderBy(_ => Random.Shared.Next()).ToArray();
        new Random(seed).Shuffle(order);
        var aligner = new BarrierAligner(count, CheckpointingMode.ExactlyOnce);
        var completedAt = -1;
        for (var i = 0; i < order.Length; i++)
        {
            var step = aligner.OnBarrier(order[i], Barrier(1));
            if (step.Complete is not null)
                completedAt = i;
            else if (!step.Block)
                return false.ToProperty();
        }
        return (completedAt == count - 1).ToProperty();
    }
}
