using System.Data.Common;
using ActorStream.Actors.Persistence;
using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using Xunit.Abstractions;

namespace ActorStream.Actors.Tests.Persistence;

/// <summary>
/// What every state-store database must do: the journal and snapshot store of Akka.Persistence.Sql
/// keep byte[] events and snapshots across an actor system restart, in the tables SqlSchema creates.
/// Each subclass gives a fresh database per test class.
/// </summary>
public abstract class StateStoreContract : TestKit
{
    // The first write to a cold database can take seconds (the plugin builds its mappings and pools).
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static readonly Config TestConfig = ConfigurationFactory.ParseString("""
        akka.loglevel = WARNING
        akka.stdout-loglevel = WARNING
        akka.test.single-expect-default = 10s
        """);

    protected StateStoreContract(StateStoreSettings settings, ITestOutputHelper output)
        : base(TestConfig, output: output)
    {
        Settings = settings;
        SqlSchema.EnsureCreated(settings);
    }

    protected StateStoreSettings Settings { get; }

    [Fact]
    public async Task Journal_should_recover_events_after_a_restart()
    {
        var id = NewPersistenceId();
        // The second event is past the 64 KB of a MySQL BLOB: the message column must be LONGBLOB.
        byte[][] events = [Bytes(1, 3), Bytes(2, 200_000), Bytes(3, 1)];

        await InStoreSystem(async (system, probe) =>
        {
            var actor = system.ActorOf(ByteEventsActor.Props(id, probe.Ref));
            Assert.Empty((await probe.ExpectMsgAsync<ByteEventsActor.Recovered>(Timeout)).Events);
            actor.Tell(new ByteEventsActor.Append(events));
            Assert.Equal(3, (await probe.ExpectMsgAsync<ByteEventsActor.Appended>(Timeout)).LastSequenceNr);
        });

        var recovered = await RecoverInNewSystem(id);
        Assert.Null(recovered.SnapshotSequenceNr);
        Assert.Equal(events, recovered.Events);
        Assert.Equal(3, recovered.LastSequenceNr);
    }

    [Fact]
    public async Task Snapshot_store_should_recover_the_latest_snapshot_and_the_events_after_it()
    {
        var id = NewPersistenceId();
        await InStoreSystem(async (system, probe) =>
        {
            var actor = system.ActorOf(ByteEventsActor.Props(id, probe.Ref));
            await probe.ExpectMsgAsync<ByteEventsActor.Recovered>(Timeout);
            for (var round = 0; round < 3; round++)
            {
                actor.Tell(new ByteEventsActor.Append([Bytes(10 * round + 1, 8), Bytes(10 * round + 2, 8)]));
                await probe.ExpectMsgAsync<ByteEventsActor.Appended>(Timeout);
                if (round < 2)
                {
                    actor.Tell(new ByteEventsActor.TakeSnapshot(Bytes(100 + round, 16)));
                    await probe.ExpectMsgAsync<ByteEventsActor.SnapshotTaken>(s => s.SequenceNr == 2 * (round + 1), Timeout);
                }
            }
        });

        var recovered = await RecoverInNewSystem(id);
        Assert.Equal(4, recovered.SnapshotSequenceNr);
        Assert.Equal(Bytes(101, 16), recovered.SnapshotState);
        Assert.Equal([Bytes(21, 8), Bytes(22, 8)], recovered.Events);
        Assert.Equal(6, recovered.LastSequenceNr);
    }

    [Fact]
    public async Task Tables_should_hold_the_journal_tag_and_snapshot_rows()
    {
        var id = NewPersistenceId();
        byte[][] events = [Bytes(1, 5), Bytes(2, 5), Bytes(3, 5)];
        await InStoreSystem(async (system, probe) =>
        {
            var actor = system.ActorOf(ByteEventsActor.Props(id, probe.Ref));
            await probe.ExpectMsgAsync<ByteEventsActor.Recovered>(Timeout);
            actor.Tell(new ByteEventsActor.Append(events, Tag: "clicks"));
            await probe.ExpectMsgAsync<ByteEventsActor.Appended>(Timeout);
            actor.Tell(new ByteEventsActor.TakeSnapshot(Bytes(9, 7)));
            await probe.ExpectMsgAsync<ByteEventsActor.SnapshotTaken>(Timeout);
        });

        var journal = Query(
            $"SELECT sequence_number, message, deleted FROM {SqlSchema.JournalTable} WHERE persistence_id = @id ORDER BY sequence_number",
            id, r => (Seq: r.GetInt64(0), Message: (byte[])r.GetValue(1), Deleted: r.GetBoolean(2)));
        Assert.Equal([1L, 2L, 3L], journal.Select(row => row.Seq));
        Assert.Equal(events, journal.Select(row => row.Message));
        Assert.All(journal, row => Assert.False(row.Deleted));

        var tags = Query(
            $"SELECT tag, sequence_nr FROM {SqlSchema.TagTable} WHERE persistence_id = @id ORDER BY sequence_nr",
            id, r => (Tag: r.GetString(0), Seq: r.GetInt64(1)));
        Assert.Equal([("clicks", 1L), ("clicks", 2L), ("clicks", 3L)], tags);

        var snapshots = Query(
            $"SELECT sequence_number, snapshot FROM {SqlSchema.SnapshotTable} WHERE persistence_id = @id",
            id, r => (Seq: r.GetInt64(0), State: (byte[])r.GetValue(1)));
        var snapshot = Assert.Single(snapshots);
        Assert.Equal(3, snapshot.Seq);
        Assert.Equal(Bytes(9, 7), snapshot.State);
    }

    [Fact]
    public async Task EnsureCreated_should_be_idempotent_and_keep_the_rows()
    {
        var id = NewPersistenceId();
        await InStoreSystem(async (system, probe) =>
        {
            var actor = system.ActorOf(ByteEventsActor.Props(id, probe.Ref));
            await probe.ExpectMsgAsync<ByteEventsActor.Recovered>(Timeout);
            actor.Tell(new ByteEventsActor.Append([Bytes(1, 4), Bytes(2, 4)]));
            await probe.ExpectMsgAsync<ByteEventsActor.Appended>(Timeout);
        });

        SqlSchema.EnsureCreated(Settings);
        SqlSchema.EnsureCreated(Settings);

        var rows = Query($"SELECT COUNT(*) FROM {SqlSchema.JournalTable} WHERE persistence_id = @id", id, r => r.GetInt64(0));
        Assert.Equal(2, Assert.Single(rows));
        Assert.Equal([Bytes(1, 4), Bytes(2, 4)], (await RecoverInNewSystem(id)).Events);
    }

    [Fact]
    public async Task Journal_and_snapshot_store_should_write_concurrently_to_one_database()
    {
        const int actors = 8, rounds = 4, eventsPerRound = 5;
        var ids = Enumerable.Range(0, actors).Select(_ => NewPersistenceId()).ToList();
        await InStoreSystem(async (system, probe) =>
        {
            var refs = ids.Select(id => system.ActorOf(ByteEventsActor.Props(id, probe.Ref))).ToList();
            await ReceiveAll(probe, actors, Timeout);
            // Every actor appends and snapshots at once: the journal's writers and the snapshot
            // store contend for the database (on SQLite, for the one write lock of the file).
            for (var round = 0; round < rounds; round++)
            {
                foreach (var actor in refs)
                {
                    actor.Tell(new ByteEventsActor.Append(Enumerable.Range(0, eventsPerRound).Select(i => Bytes(round * 10 + i, 64)).ToList()));
                    actor.Tell(new ByteEventsActor.TakeSnapshot(Bytes(round, 256)));
                }
            }
            var replies = await ReceiveAll(probe, actors * rounds * 2, TimeSpan.FromSeconds(30));
            Assert.DoesNotContain(replies, reply => reply is Status.Failure);
        });

        foreach (var id in ids)
        {
            var recovered = await RecoverInNewSystem(id);
            Assert.Equal(rounds * eventsPerRound, recovered.SnapshotSequenceNr);
            Assert.Equal(Bytes(rounds - 1, 256), recovered.SnapshotState);
            Assert.Empty(recovered.Events);
        }
    }

    [Fact]
    public async Task Warm_up_should_take_the_write_path_and_delete_what_it_wrote()
    {
        // Twice, as two node starts on one store: the second continues the first's sequence numbers.
        for (var start = 0; start < 2; start++)
            await InStoreSystem((system, _) => StateStoreWarmUp.Run(system, Settings).WaitAsync(Timeout));

        var journal = Query($"SELECT sequence_number, deleted FROM {SqlSchema.JournalTable} WHERE persistence_id = @id",
            StateStoreWarmUp.Id, r => (Seq: r.GetInt64(0), Deleted: r.GetBoolean(1)));
        Assert.Equal(2, Assert.Single(journal).Seq); // the highest number is kept, flagged deleted, so that numbers only grow
        Assert.True(journal[0].Deleted);
        Assert.Empty(Query($"SELECT sequence_number FROM {SqlSchema.SnapshotTable} WHERE persistence_id = @id", StateStoreWarmUp.Id, r => r.GetInt64(0)));
    }

    private static string NewPersistenceId() => $"pid-{Guid.NewGuid():N}";

    private static byte[] Bytes(int seed, int length) =>
        Enumerable.Range(0, length).Select(i => (byte)(seed * 31 + i)).ToArray();

    private static async Task<List<object>> ReceiveAll(TestProbe probe, int count, TimeSpan timeout)
    {
        var messages = new List<object>(count);
        await foreach (var message in probe.ReceiveNAsync(count, timeout))
            messages.Add(message);
        return messages;
    }

    private async Task<ByteEventsActor.Recovered> RecoverInNewSystem(string persistenceId)
    {
        ByteEventsActor.Recovered? recovered = null;
        await InStoreSystem(async (system, probe) =>
        {
            system.ActorOf(ByteEventsActor.Props(persistenceId, probe.Ref));
            recovered = await probe.ExpectMsgAsync<ByteEventsActor.Recovered>(Timeout);
        });
        return recovered!;
    }

    /// <summary>Runs <paramref name="body"/> in an actor system of its own on the store, and stops the system afterwards.</summary>
    private async Task InStoreSystem(Func<ActorSystem, TestProbe, Task> body)
    {
        var system = ActorSystem.Create("store", StateStoreConfig.For(Settings).WithFallback(TestConfig)
            .WithFallback(ActorStream.Actors.Serialization.StateSerializer.Bindings).WithFallback(ActorStream.Actors.Serialization.RuntimeSerializer.Bindings));
        try
        {
            await body(system, CreateTestProbe(system));
        }
        finally
        {
            await system.Terminate();
        }
    }

    private List<T> Query<T>(string sql, string persistenceId, Func<DbDataReader, T> read)
    {
        using var connection = SqlSchema.OpenConnection(Settings);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = persistenceId;
        command.Parameters.Add(parameter);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows;
    }
}
