using ActorStream.Actors.Persistence;
using ActorStream.Actors.Serialization;
using ActorStream.Actors.State;
using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit.Xunit2;
using Xunit.Abstractions;

namespace ActorStream.Actors.Tests.Persistence;

/// <summary>
/// A restore reads key groups from the store, not from their entities: what a key-group entity
/// confirmed as written (into its journal and its compacting snapshots) is what the reader returns.
/// </summary>
public sealed class KeyGroupStoreReaderSpecs : TestKit, IClassFixture<SqliteDatabase>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public KeyGroupStoreReaderSpecs(SqliteDatabase database, ITestOutputHelper output)
        : base(Config(database.Settings), output: output) => SqlSchema.EnsureCreated(database.Settings);

    private static Config Config(StateStoreSettings settings) => ConfigurationFactory.ParseString("""
            akka.loglevel = WARNING
            akka.stdout-loglevel = WARNING
            """)
        .WithFallback(StateStoreConfig.For(settings))
        .WithFallback(StateSerializer.Bindings)
        .WithFallback(RuntimeSerializer.Bindings);

    [Fact]
    public async Task It_should_read_each_key_group_as_of_the_checkpoint_across_snapshots_and_events()
    {
        // Snapshots every 2 writes: key group a has a snapshot and events after it, b only events.
        var a = await Written("kg/job/op/1", (1, 0), (2, 1), (3, 2), (5, 3), (6, 5));
        var b = await Written("kg/job/op/2", (2, 1));

        var reads = await ReadAll([a, b, "kg/job/op/3"], asOf: 5);

        AssertRead(reads[a], 5, Blob(a, 5));
        AssertRead(reads[b], 2, Blob(b, 2));
        Assert.Null(reads["kg/job/op/3"].CheckpointId); // never written: no state, not a failure
        Assert.Null(reads["kg/job/op/3"].Blobs);
    }

    [Fact]
    public async Task It_should_ignore_writes_of_checkpoints_after_the_one_restored()
    {
        var a = await Written("kg/later/op/1", (1, 0), (2, 1), (3, 1), (4, 1));

        var reads = await ReadAll([a], asOf: 2);

        AssertRead(reads[a], 2, Blob(a, 2));
    }

    [Fact]
    public async Task It_should_read_many_key_groups_a_few_at_a_time_and_then_stop()
    {
        var ids = new List<string>();
        for (var keyGroup = 0; keyGroup < 20; keyGroup++)
            ids.Add(await Written($"kg/many/op/{keyGroup}", (7, 0)));

        var reader = Sys.ActorOf(KeyGroupStoreReader.Props(ids, 7, TestActor));
        Watch(reader);
        var reads = new Dictionary<string, KeyGroupStateRead>();
        for (var i = 0; i < ids.Count; i++)
        {
            var read = await ExpectMsgAsync<KeyGroupStateRead>(Timeout);
            reads.Add(read.EntityId, read);
        }
        await ExpectTerminatedAsync(reader, Timeout);

        Assert.All(ids, id => Assert.Equal([Blob(id, 7)], reads[id].Blobs!));
    }

    [Fact]
    public async Task It_should_read_a_base_and_its_deltas_and_the_entity_should_refuse_a_delta_whose_base_it_does_not_hold()
    {
        const string id = "kg/deltas/op/1";
        var entity = Sys.ActorOf(KeyGroupStateActor.Props(id, snapshotEvery: 2, TimeSpan.FromMinutes(5)));
        foreach (var (checkpoint, basedOn) in new[] { (1L, 0L), (2L, 1L), (3L, 2L) })
        {
            entity.Tell(new WriteKeyGroupState(checkpoint, Blob(id, checkpoint), Retained: false, LatestCompleted: checkpoint - 1, basedOn));
            Assert.Equal(checkpoint, (await ExpectMsgAsync<KeyGroupStateWritten>(Timeout)).CheckpointId);
        }

        // Checkpoint 4's write never arrived: a delta of 5 based on it would lose its changes.
        entity.Tell(new WriteKeyGroupState(5, Blob(id, 5), Retained: false, LatestCompleted: 3, BasedOn: 4));
        var refused = await ExpectMsgAsync<KeyGroupStateWriteFailed>(Timeout);
        Assert.Equal((id, 5L, "the delta is based on checkpoint 4, but the latest write before it is 3"), (refused.EntityId, refused.CheckpointId, refused.Reason));

        var reads = await ReadAll([id], asOf: 9);
        Assert.Equal(3, reads[id].CheckpointId);
        Assert.Equal([Blob(id, 1), Blob(id, 2), Blob(id, 3)], reads[id].Blobs!);
        Assert.Equal([Blob(id, 1), Blob(id, 2)], (await ReadAll([id], asOf: 2))[id].Blobs!);
    }

    [Fact]
    public async Task An_entity_started_again_should_load_its_history_before_its_first_write()
    {
        const string id = "kg/again/op/1";
        var first = Sys.ActorOf(KeyGroupStateActor.Props(id, snapshotEvery: 2, TimeSpan.FromMinutes(5)));
        await Write(first, new WriteKeyGroupState(1, Blob(id, 1), Retained: true, LatestCompleted: 0)); // a savepoint
        await Write(first, new WriteKeyGroupState(2, Blob(id, 2), Retained: false, LatestCompleted: 1)); // then a compaction
        Watch(first);
        Sys.Stop(first);
        await ExpectTerminatedAsync(first, Timeout);

        // The refusal names what its recovery loaded.
        var second = Sys.ActorOf(KeyGroupStateActor.Props(id, snapshotEvery: 2, TimeSpan.FromMinutes(5)));
        second.Tell(new WriteKeyGroupState(4, Blob(id, 4), Retained: false, LatestCompleted: 2, BasedOn: 3));
        Assert.Equal("the delta is based on checkpoint 3, but the latest write before it is 2", (await ExpectMsgAsync<KeyGroupStateWriteFailed>(Timeout)).Reason);
        await Write(second, new WriteKeyGroupState(3, Blob(id, 3), Retained: false, LatestCompleted: 2, BasedOn: 2));
        await Write(second, new WriteKeyGroupState(4, Blob(id, 4), Retained: false, LatestCompleted: 3, BasedOn: 3)); // its compaction

        // The second incarnation's snapshot holds the first one's savepoint: nothing written before the restart is lost.
        Assert.Equal([Blob(id, 1)], (await ReadAll([id], asOf: 1))[id].Blobs!);
        Assert.Equal([Blob(id, 2), Blob(id, 3), Blob(id, 4)], (await ReadAll([id], asOf: 4))[id].Blobs!);
    }

    [Fact]
    public async Task A_write_sent_in_parts_should_be_stored_whole_and_read_back_exactly()
    {
        const string id = "kg/parts/op/1";
        var data = new byte[10_000];
        new Random(7).NextBytes(data);
        var entity = Sys.ActorOf(KeyGroupStateActor.Props(id, snapshotEvery: 2, TimeSpan.FromMinutes(5)));
        var parts = KeyGroupWriteParts.Of(new WriteKeyGroupState(4, data, Retained: true, LatestCompleted: 3), partBytes: 3_000).ToList();

        // Checkpoint 4's third part is lost: nothing is stored; the writer's resend, from the first part, is.
        foreach (var part in parts.Where((_, i) => i != 2))
            entity.Tell(part);
        foreach (var part in parts)
            entity.Tell(part);

        Assert.Equal(4, (await ExpectMsgAsync<KeyGroupStateWritten>(Timeout)).CheckpointId);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));
        Assert.Equal(4, parts.Count);
        AssertRead((await ReadAll([id], asOf: 4))[id], 4, data);
    }

    private async Task Write(IActorRef entity, WriteKeyGroupState write)
    {
        entity.Tell(write);
        Assert.Equal(write.CheckpointId, (await ExpectMsgAsync<KeyGroupStateWritten>(Timeout)).CheckpointId);
    }

    /// <summary>Writes (checkpoint, latest completed) pairs through the key group's entity, which snapshots every 2 writes.</summary>
    private async Task<string> Written(string entityId, params (long Checkpoint, long LatestCompleted)[] writes)
    {
        var entity = Sys.ActorOf(KeyGroupStateActor.Props(entityId, snapshotEvery: 2, TimeSpan.FromMinutes(5)));
        foreach (var (checkpoint, latestCompleted) in writes)
        {
            entity.Tell(new WriteKeyGroupState(checkpoint, Blob(entityId, checkpoint), Retained: false, latestCompleted));
            Assert.Equal(checkpoint, (await ExpectMsgAsync<KeyGroupStateWritten>(Timeout)).CheckpointId);
        }
        return entityId;
    }

    private async Task<Dictionary<string, KeyGroupStateRead>> ReadAll(IReadOnlyCollection<string> entityIds, long asOf)
    {
        Sys.ActorOf(KeyGroupStoreReader.Props(entityIds, asOf, TestActor));
        var reads = new Dictionary<string, KeyGroupStateRead>();
        foreach (var _ in entityIds)
        {
            var read = await ExpectMsgAsync<KeyGroupStateRead>(Timeout);
            reads.Add(read.EntityId, read);
        }
        return reads;
    }

    private static void AssertRead(KeyGroupStateRead read, long checkpointId, byte[] data)
    {
        Assert.Equal(checkpointId, read.CheckpointId);
        Assert.Equal([data], read.Blobs!);
    }

    private static byte[] Blob(string entityId, long checkpoint) => System.Text.Encoding.UTF8.GetBytes($"{entityId}@{checkpoint}");
}
