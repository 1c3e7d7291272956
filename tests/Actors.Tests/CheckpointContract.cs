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
        var armed = 0;
        var fired = 0;
        var env = fixture.CreateEnvironment(parallelism: 2);
        env.RuntimeMode = RuntimeExecutionMode.Streaming;
        env.EnableCheckpointing(TimeSpan.FromMilliseconds(20));
        env.RestartStrategy = RestartStrategy.FixedDelay(2, TimeSpan.Zero);
        var sink = new CollectSink<(long Key, long Sum)>();
        SlowNumbers(env)
            .KeyBy(x => x % Keys)
            .Process(new RunningSum(_ => Volatile.Read(ref armed) == 1 && Interlocked.Exchange(ref fired, 1) == 0)).Uid("sums")
            .SinkTo(sink);

        var client = await env.StartAsync("resume-after-failure");
        // Fail once half the input went through and checkpoints completed, whatever the machine's speed.
        await Eventually.WaitUntil(() => sink.Values.Count >= 50_000, TimeSpan.FromMinutes(1));
        await Eventually.WaitUntil(() => client.GetProgressAsync().Result.CompletedCheckpoints >= 2, TimeSpan.FromMinutes(1));
        Volatile.Write(ref armed, 1);
        var result = await client.Completion.WaitAsync(TimeSpan.FromMinutes(2));

        var finals = sink.Values.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.Max(v => v.Sum));
        Assert.Equal(ExpectedSums(), finals);
        Assert.Equal(1, fired);
        Assert.Equal(1, result.Restarts);
        // A restart from scratch would emit the first 50,000 sums and more again; the restore re-emits
        // only what followed the latest checkpoint.
        Assert.InRange(sink.Values.Count, Count, Count + 45_000);
    }

    [Fact]
    public async Task Savepoints_should_rescale_2_to_3_to_1_keeping_every_keys_state()
    {
        // Parallelism 2 until a savepoint, 3 from it until another, then 1 to the end of the input.
        var (first, afterFirst) = await RunRescaleStepAsync(parallelism: 2, restoreFrom: null, stopAfterSums: 15_000);
        var (second, afterSecond) = await RunRescaleStepAsync(parallelism: 3, restoreFrom: first, stopAfterSums: 15_000);
        var (_, last) = await RunRescaleStepAsync(parallelism: 1, restoreFrom: second, stopAfterSums: null);

        var finals = last.Values.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.Max(v => v.Sum));
        Assert.Equal(ExpectedSums(), finals);
        Assert.StartsWith("rescale/", first);
        // Each run went on from the previous savepoint instead of re-reading the input: together they
        // emitted about one sum per number (records in flight at a savepoint are emitted but not in it).
        var total = afterFirst.Values.Count + afterSecond.Values.Count + last.Values.Count;
        Assert.InRange(total, Count, Count + 10_000);
    }

    /// <summary>Runs the running-sum job, stopping it with a savepoint after some sums (or running it to the end).</summary>
    private async Task<(string? Savepoint, CollectSink<(long Key, long Sum)> Sums)> RunRescaleStepAsync(
        int parallelism, string? restoreFrom, int? stopAfterSums, string jobName = "rescale", string sumsUid = "sums",
        bool allowNonRestoredState = false)
    {
        var env = fixture.CreateEnvironment(parallelism);
        env.RuntimeMode = RuntimeExecutionMode.Streaming;
        env.EnableCheckpointing(TimeSpan.FromSeconds(30)); // only the savepoints matter here
        if (restoreFrom is not null)
            env.RestoreFrom(restoreFrom, allowNonRestoredState);
        var sums = new CollectSink<(long Key, long Sum)>();
        SlowNumbers(env).KeyBy(x => x % Keys).Process(new RunningSum(_ => false)).Uid(sumsUid).SinkTo(sums);
        var job = await env.StartAsync(jobName);
        if (stopAfterSums is not { } enough)
        {
            await job.Completion.WaitAsync(TimeSpan.FromMinutes(1));
            return (null, sums);
        }
        await Eventually.WaitUntil(() => sums.Values.Count > enough, TimeSpan.FromSeconds(30));
        var savepoint = await job.StopWithSavepointAsync();
        await job.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        return (savepoint, sums);
    }

    [Fact]
    public async Task Restoring_state_of_an_operator_the_job_no_longer_has_should_need_allow_non_restored_state()
    {
        var (savepoint, _) = await RunRescaleStepAsync(parallelism: 2, restoreFrom: null, stopAfterSums: 5_000, jobName: "renamed");

        var refused = await Assert.ThrowsAsync<JobExecutionException>(() =>
            RunRescaleStepAsync(2, savepoint, stopAfterSums: null, jobName: "renamed", sumsUid: "totals"));
        Assert.Contains("state for operator uid 'sums', which this job does not have", refused.Message);
        Assert.Contains("--allow-non-restored-state", refused.Message);

        var (_, resumed) = await RunRescaleStepAsync(2, savepoint, stopAfterSums: null, jobName: "renamed", sumsUid: "totals",
            allowNonRestoredState: true);
        // The source still resumes from the savepoint; only the dropped operator starts empty.
        Assert.InRange(resumed.Values.Count, 1, Count - 5_000);
    }

    [Fact]
    public async Task At_least_once_checkpoints_should_recover_without_losing_any_record()
    {
        var fired = 0;
        var env = fixture.CreateEnvironment(parallelism: 2);
        env.RuntimeMode = RuntimeExecutionMode.Streaming;
        env.EnableCheckpointing(TimeSpan.FromMilliseconds(20), CheckpointingMode.AtLeastOnce);
        env.RestartStrategy = RestartStrategy.FixedDelay(2, TimeSpan.Zero);
        var sink = new CollectSink<(long Key, long Sum)>();
        SlowNumbers(env, to: 40_000)
            .KeyBy(x => x % Keys)
            .Process(new RunningSum(x => x == 30_000 && Interlocked.Exchange(ref fired, 1) == 0)).Uid("sums")
            .SinkTo(sink);

        var result = await env.ExecuteAsync("at-least-once");

        Assert.Equal(1, result.Restarts);
        var expected = Enumerable.Range(1, 40_000).GroupBy(x => (long)x % Keys).ToDictionary(g => g.Key, g => g.Sum(x => (long)x));
        var finals = sink.Values.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.Max(v => v.Sum));
        // Without alignment a record may be counted twice after a restore, never lost.
        Assert.All(expected, e => Assert.True(finals[e.Key] >= e.Value, $"key {e.Key}: {finals[e.Key]} < {e.Value}"));
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
