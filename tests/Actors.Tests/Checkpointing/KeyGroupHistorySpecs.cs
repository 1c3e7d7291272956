using ActorStream.Actors.State;

namespace ActorStream.Actors.Tests.Checkpointing;

public sealed class KeyGroupHistorySpecs
{
    private static KeyGroupEntry Entry(long id, bool retained = false) => new(id, [(byte)id], retained);

    [Fact]
    public void A_restore_should_read_the_newest_entry_at_or_before_the_checkpoint()
    {
        var history = new KeyGroupHistory();
        history.Add(Entry(2), latestCompleted: 0);
        history.Add(Entry(5), latestCompleted: 2);

        Assert.Null(history.AsOf(1));
        Assert.Equal(2, history.AsOf(4)!.CheckpointId);
        Assert.Equal(5, history.AsOf(9)!.CheckpointId);
    }

    [Fact]
    public void A_write_should_replace_what_an_earlier_attempt_wrote_under_the_same_or_a_later_id()
    {
        var history = new KeyGroupHistory();
        history.Add(Entry(3), 0);
        history.Add(Entry(4), 0); // written by a run that crashed before 4 completed
        history.Add(new KeyGroupEntry(4, [42], false), 3);

        Assert.Equal([3L, 4L], history.Entries.Select(e => e.CheckpointId));
        Assert.Equal([42], history.AsOf(4)!.Data);
    }

    [Fact]
    public void Pruning_should_keep_savepoints_the_latest_completed_entry_and_everything_newer()
    {
        var history = new KeyGroupHistory();
        history.Add(Entry(1), 0);
        history.Add(Entry(2, retained: true), 1);
        history.Add(Entry(3), 2);
        history.Add(Entry(4), 3);
        history.Add(Entry(6), 3);

        history.Prune(latestCompleted: 5);

        Assert.Equal([2L, 4L, 6L], history.Entries.Select(e => e.CheckpointId));
        Assert.Equal(4, history.AsOf(5)!.CheckpointId);
    }

    private static KeyGroupEntry Delta(long id, long basedOn) => new(id, [(byte)id], false, basedOn);

    [Fact]
    public void A_restore_should_read_the_base_and_the_deltas_it_needs_in_order()
    {
        var history = new KeyGroupHistory();
        history.Add(Entry(2), 0);
        history.Add(Delta(3, basedOn: 2), 2);
        history.Add(Delta(4, basedOn: 3), 3); // checkpoint 4 was aborted, but its write is durable
        history.Add(Delta(6, basedOn: 4), 3);

        Assert.Equal([2L], history.ChainAsOf(2)!.Select(e => e.CheckpointId));
        Assert.Equal([2L, 3L, 4L], history.ChainAsOf(5)!.Select(e => e.CheckpointId));
        Assert.Equal([2L, 3L, 4L, 6L], history.ChainAsOf(9)!.Select(e => e.CheckpointId));
        Assert.Null(history.ChainAsOf(1));
        Assert.Equal(4, history.Before(6)!.CheckpointId);
    }

    [Fact]
    public void Pruning_should_keep_every_entry_the_restorable_chains_are_based_on()
    {
        var history = new KeyGroupHistory();
        history.Add(Entry(1), 0);
        history.Add(Entry(2, retained: true), 1);
        history.Add(Delta(3, basedOn: 2), 2);
        history.Add(Entry(4), 3);
        history.Add(Delta(5, basedOn: 4), 4);
        history.Add(Delta(7, basedOn: 5), 5);

        history.Prune(latestCompleted: 6);

        // 2: a savepoint; 4 and 5: the chain as of 6; 7: newer, based on 5. 1 and 3 no restore can ask for.
        Assert.Equal([2L, 4L, 5L, 7L], history.Entries.Select(e => e.CheckpointId));
        Assert.Equal([4L, 5L, 7L], history.ChainAsOf(7)!.Select(e => e.CheckpointId));
    }

    [Fact]
    public void A_whole_write_should_end_the_chain_so_pruning_drops_the_old_one()
    {
        var history = new KeyGroupHistory();
        history.Add(Entry(1), 0);
        history.Add(Delta(2, basedOn: 1), 1);
        history.Add(Delta(3, basedOn: 2), 2);
        history.Add(Entry(4), 3); // compacted: the deltas outweighed the base

        history.Prune(latestCompleted: 4);

        Assert.Equal([4L], history.Entries.Select(e => e.CheckpointId));
    }

    [Fact]
    public void A_chain_whose_base_is_missing_should_fail_the_read_with_the_missing_checkpoint()
    {
        var history = new KeyGroupHistory();
        history.Reset([Delta(5, basedOn: 4)]);

        var error = Assert.Throws<InvalidDataException>(() => history.ChainAsOf(5));

        Assert.Equal("The delta written at checkpoint 5 is based on checkpoint 4, which this key group's history does not hold.", error.Message);
    }
}
