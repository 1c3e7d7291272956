using System.Data.Common;
using ActorStream.Actors.Persistence;
using ActorStream.Actors.Tests.Support;
using ActorStream.Graph;
using ActorStream.Graph.Keys;

namespace ActorStream.Actors.Tests;

/// <summary>Checkpoint, restore and rescale behaviour that every state store must give.</summary>
public abstract class CheckpointContract(NodeFixture fixture)
{
    private const long Count = 100_000;
    private const int Keys = 10;

    /// <summary>Sums per key of 1..<see cref="Count"/> by x % 10: what every run must end with.</summary>
    private static Dictionary<long, long> ExpectedSums() =>
        Enumerable.Range(1, (int)Count).GroupBy(x => (long)x % Keys).ToDictionary(g => g.Key, g => g.Sum(x => (long)x));

    /// <summary>The numbers, slowed down so that checkpoints happen while they flow.</summary>
    private static DataStream<long> SlowNumbers(StreamExecutionEnvironment env, long to = Count) =>
        env.FromSequence(1, to).Uid("numbers")
            .Map(x =>
            {
                if (x % 20 == 0)
                    Thread.Sleep(2);
                return x;
            }).Uid("slow");

    [Fact]
    public async Task A_failed_keyed_operator_should_resume_from_the_latest_checkpoint_with_its_state()
    {
        var fired = 0;
        var env = fixture.CreateEnvironment(parallelism: 2);
        env.RuntimeMode = RuntimeExecutionMode.Streaming;
        env.EnableCheckpointing(TimeSpan.FromMilliseconds(20));
        env.RestartStrategy = RestartStrategy.FixedDelay(2, TimeSpan.Zero);
        var sink = new CollectSink<(long Key, long Sum)>();
        SlowNumbers(env)
            .KeyBy(x => x % Keys)
            .Process(new RunningSum(x => x == 90_000 && Interlocked.Exchange(ref fired, 1) == 0)).Uid("sums")
            .SinkTo(sink);

        var client = await env.StartAsync("resume-after-failure");
        await client.Completion.WaitAsync(TimeSpan.FromMinutes(2));

        var finals = sink.Values.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.Max(v => v.Sum));
        Assert.Equal(ExpectedSums(), finals);
        Assert.Equal(1, fired);
        // A restart from scratch would emit every sum again (about 90,000 + 100,000); the restore
        // re-emits only what followed the latest checkpoint.
        Assert.InRange(sink.Values.Count, Count, Count + 60_000);
    }

    [Fact]
    public async Task A_savepoint_should_restore_every_key_with_another_parallelism()
    {
        var first = fixture.CreateEnvironment(parallelism: 2);
        first.RuntimeMode = RuntimeExecutionMode.Streaming;
        first.EnableCheckpointing(TimeSpan.FromSeconds(30)); // only the savepoint matters here
        var before = new CollectSink<(long Key, long Sum)>();
        SlowNumbers(first).KeyBy(x => x % Keys).Process(new RunningSum(_ => false)).Uid("sums").SinkTo(before);
        var running = await first.StartAsync("rescale");
        await Eventually.WaitUntil(() => before.Values.Count > 20_000, TimeSpan.FromSeconds(30));
        var savepoint = await running.StopWithSavepointAsync();
        await running.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        var seenBefore = before.Values.Count;

        var second = fixture.CreateEnvironment(parallelism: 3);
        second.RuntimeMode = RuntimeExecutionMode.Streaming;
        second.EnableCheckpointing(TimeSpan.FromSeconds(30));
        second.RestoreFrom(savepoint);
        var after = new CollectSink<(long Key, long Sum)>();
        SlowNumbers(second).KeyBy(x => x % Keys).Process(new RunningSum(_ => false)).Uid("sums").SinkTo(after);
        await second.ExecuteAsync("rescale");

        var finals = after.Values.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.Max(v => v.Sum));
        Assert.Equal(ExpectedSums(), finals);
        Assert.True(after.Values.Count < Count, $"the restored run re-read everything ({after.Values.Count} sums after {seenBefore})");
        Assert.StartsWith("rescale/", savepoint);
    }

    [Fact]
    public async Task Restoring_from_a_missing_savepoint_should_fail_with_a_clear_error()
    {
        var env = fixture.CreateEnvironment(parallelism: 1);
        env.RestoreFrom("no-such-job/7");
        env.FromSequence(1, 10).Uid("numbers").SinkTo(new CollectSink<long>());

        var error = await Assert.ThrowsAsync<JobExecutionException>(() => env.ExecuteAsync("restore-missing"));

        Assert.Contains("no retained checkpoint or savepoint 7 for job 'no-such-job'", error.Message);
    }

    [Fact]
    public async Task Checkpoints_after_the_first_should_write_only_the_key_groups_that_changed()
    {
        var env = fixture.CreateEnvironment(parallelism: 2);
        env.RuntimeMode = RuntimeExecutionMode.Streaming;
        env.EnableCheckpointing(TimeSpan.FromMilliseconds(30));
        SlowNumbers(env, to: 40_000).KeyBy(x => x % 3).Process(new RunningSum(_ => false)).Uid("sums")
            .SinkTo(new CollectSink<(long Key, long Sum)>());

        var result = await env.ExecuteAsync("incremental");

        Assert.True(result.CompletedCheckpoints >= 2, $"only {result.CompletedCheckpoints} checkpoint(s) completed");
        var writes = KeyGroupWrites("kg/incremental/sums/");
        // The first checkpoint of a run writes every key group (an empty one too, so nothing stale survives) ...
        Assert.Equal(Enumerable.Range(0, 128), writes.Keys.Order());
        // ... later ones only those that changed: the key groups of the keys 0, 1 and 2.
        var touched = new[] { 0L, 1L, 2L }.Select(k => KeyGroupRangeAssignment.AssignToKeyGroup(k, 128)).ToHashSet();
        Assert.Equal(touched.Order(), writes.Where(w => w.Value > 1).Select(w => w.Key).Order());
    }

    /// <summary>How often each key group of an operator was written: events in the journal, or more than one when a snapshot compacted them.</summary>
    private Dictionary<int, long> KeyGroupWrites(string prefix)
    {
        using var connection = SqlSchema.OpenConnection(fixture.Node.Services.StateStore);
        var writes = new Dictionary<int, long>();
        Read(connection, $"SELECT persistence_id, MAX(sequence_number) FROM journal WHERE persistence_id LIKE '{prefix}%' GROUP BY persistence_id", writes);
        Read(connection, $"SELECT persistence_id, MAX(sequence_number) FROM snapshot WHERE persistence_id LIKE '{prefix}%' GROUP BY persistence_id", writes);
        return writes;

        void Read(DbConnection db, string sql, Dictionary<int, long> into)
        {
            using var command = db.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var keyGroup = int.Parse(reader.GetString(0)[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
                into[keyGroup] = Math.Max(into.GetValueOrDefault(keyGroup), reader.GetInt64(1));
            }
        }
    }

    /// <summary>Emits the running sum of its key after every element; throws once where told.</summary>
    private sealed class RunningSum(Func<long, bool> failAt) : KeyedProcessFunction<long, long, (long Key, long Sum)>
    {
        private IValueState<long> _sum = null!;

        public override void Open() => _sum = RuntimeContext.GetState(new ValueStateDescriptor<long>("sum"));

        public override void ProcessElement(long value, Context context, ICollector<(long Key, long Sum)> output)
        {
            if (failAt(value))
                throw new InvalidOperationException($"injected failure at {value}");
            var sum = _sum.Value() + value;
            _sum.Update(sum);
            output.Collect((context.CurrentKey, sum));
        }
    }
}
