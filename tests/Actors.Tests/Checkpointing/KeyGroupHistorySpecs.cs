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
}
