using ActorStream.Actors.Subtasks;
using ActorStream.Graph;
using ActorStream.Graph.Keys;
using ActorStream.Graph.State;

namespace ActorStream.Actors.Tests.Checkpointing;

/// <summary>
/// A subtask writes a key group as a delta onto its previous write of this run while the deltas stay lighter than the
/// base; a write that an aborted checkpoint left unconfirmed is never built on.
/// </summary>
public sealed class KeyGroupChainsSpecs
{
    private const string Entity = "kg/job/op/0";
    private readonly HeapKeyedStateBackend<string> _backend = new(new KeyGroupRangeInfo(new KeyGroupRange(0, 127), 128));
    private readonly IValueState<string> _state;
    private readonly List<string> _keys;

    public KeyGroupChainsSpecs()
    {
        _state = _backend.GetState(new ValueStateDescriptor<string>("v"));
        // 40 keys of key group 0, each with a 100-character value.
        _keys = [.. Enumerable.Range(0, 100_000).Select(i => $"k{i}").Where(k => KeyGroupRangeAssignment.AssignToKeyGroup(k, 128) == 0).Take(40)];
        _keys.ForEach(k => Write(k, 'a'));
    }

    private void Write(string key, char value)
    {
        _backend.SetCurrentKey(key);
        _state.Update(new string(value, 100));
    }

    [Fact]
    public void Deltas_should_follow_a_base_until_they_outweigh_it_and_then_the_key_group_is_written_whole()
    {
        var chains = new KeyGroupChains();
        var (whole, basedOn) = chains.Snapshot(Entity, _backend, 0, checkpointId: 1, whole: false);
        Assert.Equal(0, basedOn);

        var written = new List<(long Checkpoint, long BasedOn, int Bytes)>();
        for (var checkpoint = 2L; checkpoint <= 16; checkpoint++)
        {
            for (var i = 0; i < 4; i++)
                Write(_keys[(int)(checkpoint * 4 + i) % _keys.Count], (char)('a' + checkpoint)); // 4 keys in 40: about a tenth of the base
            var (data, on) = chains.Snapshot(Entity, _backend, 0, checkpoint, whole: false);
            written.Add((checkpoint, on, data.Length));
        }

        // Each delta is based on the write before it, until their sum would pass the base: then a whole write, and a new chain.
        var firstWhole = written.FindIndex(w => w.BasedOn == 0);
        Assert.True(firstWhole > 0, "the chain was never compacted");
        Assert.All(written.Take(firstWhole), w => Assert.Equal(w.Checkpoint - 1, w.BasedOn));
        Assert.True(written.Take(firstWhole).Sum(w => w.Bytes) <= whole.Length);
        Assert.True(written.Take(firstWhole + 1).Sum(w => w.Bytes) > whole.Length);
        Assert.Equal(written[firstWhole].Checkpoint, written[firstWhole + 1].BasedOn);
    }

    [Fact]
    public void A_savepoint_and_the_write_after_an_unconfirmed_one_should_be_whole()
    {
        var chains = new KeyGroupChains();
        chains.Snapshot(Entity, _backend, 0, checkpointId: 1, whole: false);
        Write(_keys[0], 'b');
        Assert.Equal(1, chains.Snapshot(Entity, _backend, 0, 2, whole: false).BasedOn);

        Write(_keys[1], 'b');
        Assert.Equal(0, chains.Snapshot(Entity, _backend, 0, 3, whole: true).BasedOn); // a savepoint
        Write(_keys[2], 'b');
        Assert.Equal(3, chains.Snapshot(Entity, _backend, 0, 4, whole: false).BasedOn);

        chains.Unconfirmed(Entity); // checkpoint 4 was aborted before the entity confirmed its write
        Assert.True(_backend.IsDirty(0)); // written at the next checkpoint even if nothing changes
        var (data, basedOn) = chains.Snapshot(Entity, _backend, 0, 5, whole: false);
        Assert.Equal(0, basedOn);
        var restored = new HeapKeyedStateBackend<string>(new KeyGroupRangeInfo(new KeyGroupRange(0, 127), 128));
        restored.RestoreKeyGroup(0, data);
        var state = restored.GetState(new ValueStateDescriptor<string>("v"));
        restored.SetCurrentKey(_keys[2]);
        Assert.Equal(new string('b', 100), state.Value());
    }
}
