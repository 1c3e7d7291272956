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

    /// <summary>Keys the numbers by x % 10 into running sums, the job every spec here runs.</summary>
    private static void RunningSums(StreamExecutionEnvironment env, GatedSequenceSource numbers, ISink<(long Key, long Sum)> sink,
        Func<long, bool>? failAt = null, string sumsUid = "sums") =>
        env.FromSource(numbers, WatermarkStrategy<long>.NoWatermarks(), "numbers").Uid("numbers")
            .KeyBy(x => x % Keys)
            .Process(new RunningSum(failAt ?? (_ => false))).Uid(sumsUid)
            .SinkTo(sink);

    private static StreamExecutionEnvironment Streaming(NodeFixture fixture, int parallelism, TimeSpan interval,
        CheckpointingMode mode = CheckpointingMode.ExactlyOnce)
    {
        var env = fixture.CreateEnvironment(parallelism);
        env.RuntimeMode = RuntimeExecutionMode.Streaming;
        env.EnableCheckpointing(interval, mode);
        return env;
    }

    /// <summary>Waits until <paramref name="sums"/> holds <paramref name="count"/> results and then two more checkpoints completed, which hold all of them.</summary>
    private static async Task SettleAsync(IJobClient job, CollectSink<(long Key, long Sum)> sums, long count)
    {
        await Eventually.WaitUntil(() => sums.Values.Count >= count, TimeSpan.FromMinutes(1));
        var completed = (await job.GetProgressAsync()).CompletedCheckpoints;
        await Eventually.WaitUntil(() => job.GetProgressAsync().Result.CompletedCheckpoints >= completed + 2, TimeSpan.FromMinutes(1));
    }

    [Theory]
    [InlineData(CheckpointingMode.ExactlyOnce)]
    [InlineData(CheckpointingMode.AtLeastOnce)]
    public async Task A_failed_keyed_operator_should_resume_from_the_latest_checkpoint_with_its_state(CheckpointingMode mode)
    {
        var armed = 0;
        var fired = 0;
        var env = Streaming(fixture, parallelism: 2, TimeSpan.FromMilliseconds(20), mode);
        env.RestartStrategy = RestartStrategy.FixedDelay(2, TimeSpan.Zero);
        var numbers = new GatedSequenceSource(Count);
        var sink = new CollectSink<(long Key, long Sum)>();
        RunningSums(env, numbers, sink, failAt: _ => Volatile.Read(ref armed) == 1 && Interlocked.Exchange(ref fired, 1) == 0);

        numbers.OpenUpTo(50_000);
        var job = await env.StartAsync($"resume-{mode}");
        await SettleAsync(job, sink, 50_000);
        Volatile.Write(ref armed, 1); // the next number fails its keyed subtask
        numbers.OpenAll();
        var result = await job.Completion.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal((1, 1), (fired, result.Restarts));
        var finals = sink.Values.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.Max(v => v.Sum));
        Assert.Equal(ExpectedSums(), finals);
        // The restore starts after number 50,000: only what the other keyed subtask processed between
        // the release and the failure is emitted twice (a restart from scratch would repeat 50,000 and more).
        Assert.InRange(sink.Values.Count, Count, Count + 5_000);
    }

    [Fact]
    public async Task Savepoints_should_rescale_2_to_3_to_1_keeping_every_keys_state()
    {
        // Parallelism 2 for 1..30,000, then 3 for up to 60,000, then 1 to the end, through two savepoints.
        var (first, sumsFirst) = await RunUntilSavepointAsync(parallelism: 2, restoreFrom: null, from: 0, upTo: 30_000);
        var (second, sumsSecond) = await RunUntilSavepointAsync(parallelism: 3, restoreFrom: first, from: 30_000, upTo: 60_000);
        var last = await RunToEndAsync(parallelism: 1, restoreFrom: second);

        var finals = last.Values.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.Max(v => v.Sum));
        Assert.Equal(ExpectedSums(), finals);
        Assert.StartsWith("rescale/", first);
        // Each run went on exactly where the savepoint left off: one sum per number, none twice.
        Assert.Equal(Count, sumsFirst.Values.Count + sumsSecond.Values.Count + last.Values.Count);
    }

    /// <summary>Runs the running sums from <paramref name="restoreFrom"/>, lets the source go to <paramref name="upTo"/>, and stops with a savepoint.</summary>
    private async Task<(string Savepoint, CollectSink<(long Key, long Sum)> Sums)> RunUntilSavepointAsync(
        int parallelism, string? restoreFrom, long from, long upTo, string jobName = "rescale")
    {
        var env = Streaming(fixture, parallelism, TimeSpan.FromSeconds(30)); // only the savepoint matters here
        if (restoreFrom is not null)
            env.RestoreFrom(restoreFrom);
        var numbers = new GatedSequenceSource(Count);
        var sums = new CollectSink<(long Key, long Sum)>();
        RunningSums(env, numbers, sums);
        numbers.OpenUpTo(upTo);
        var job = await env.StartAsync(jobName);
        await Eventually.WaitUntil(() => sums.Values.Count >= upTo - from, TimeSpan.FromMinutes(1));
        var savepoint = await job.StopWithSavepointAsync();
        await job.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        return (savepoint, sums);
    }

    /// <summary>Runs the running sums from <paramref name="restoreFrom"/> to the end of the input.</summary>
    private async Task<CollectSink<(long Key, long Sum)>> RunToEndAsync(int parallelism, string restoreFrom, string jobName = "rescale",
        string sumsUid = "sums", bool allowNonRestoredState = false)
    {
        var env = Streaming(fixture, parallelism, TimeSpan.FromSeconds(30));
        env.RestoreFrom(restoreFrom, allowNonRestoredState);
        var numbers = new GatedSequenceSource(Count);
        var sums = new CollectSink<(long Key, long Sum)>();
        RunningSums(env, numbers, sums, sumsUid: sumsUid);
        numbers.OpenAll();
        await env.ExecuteAsync(jobName);
        return sums;
    }

    [Fact]
    public async Task Restoring_state_of_an_operator_the_job_no_longer_has_should_need_allow_non_restored_state()
    {
        var (savepoint, _) = await RunUntilSavepointAsync(parallelism: 2, restoreFrom: null, from: 0, upTo: 5_000, jobName: "renamed");

        var refused = await Assert.ThrowsAsync<JobExecutionException>(() => RunToEndAsync(2, savepoint, "renamed", sumsUid: "totals"));
        Assert.Contains("state for operator uid 'sums', which this job does not have", refused.Message);
        Assert.Contains("--allow-non-restored-state", refused.Message);

        var resumed = await RunToEndAsync(2, savepoint, "renamed", sumsUid: "totals", allowNonRestoredState: true);
        // The source still resumes after number 5,000; only the dropped operator starts empty.
        Assert.Equal(Count - 5_000, resumed.Values.Count);
        Assert.Equal(Enumerable.Range(5_001, 95_000).GroupBy(x => (long)x % Keys).ToDictionary(g => g.Key, g => g.Sum(x => (long)x)),
            resumed.Values.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.Max(v => v.Sum)));
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
        var env = Streaming(fixture, parallelism: 2, TimeSpan.FromMilliseconds(30));
        var numbers = new GatedSequenceSource(40_000);
        var sums = new CollectSink<(long Key, long Sum)>();
        env.FromSource(numbers, WatermarkStrategy<long>.NoWatermarks(), "numbers").Uid("numbers")
            .KeyBy(x => x % 3).Process(new RunningSum(_ => false)).Uid("sums").SinkTo(sums);

        numbers.OpenUpTo(20_000);
        var job = await env.StartAsync("incremental");
        await SettleAsync(job, sums, 20_000); // the first, full checkpoint is done
        numbers.OpenAll();
        var result = await job.Completion.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(result.CompletedCheckpoints >= 3, $"only {result.CompletedCheckpoints} checkpoint(s) completed");
        var writes = KeyGroupWrites("kg/incremental/sums/");
        // The first checkpoint of a run writes every key group (an empty one too, so nothing stale survives) ...
        Assert.Equal(Enumerable.Range(0, 128), writes.Keys.Order());
        // ... later ones only those that changed: the key groups of the keys 0, 1 and 2.
        var touched = new[] { 0L, 1L, 2L }.Select(k => KeyGroupRangeAssignment.AssignToKeyGroup(k, 128)).ToHashSet();
        Assert.Equal(touched.Order(), writes.Where(w => w.Value > 1).Select(w => w.Key).Order());
    }

    [Fact]
    public async Task Deltas_should_restore_every_keys_state_when_rescaling_2_to_3_to_1_from_the_latest_checkpoint()
    {
        // Keys x / 20: 5,000 keys, about 39 a key group; a step of 400 numbers changes 20 keys, so key groups are written as deltas.
        const long count = 60_000;
        var expected = Enumerable.Range(1, (int)count).GroupBy(x => (long)x / 20).ToDictionary(g => g.Key, g => g.Sum(x => (long)x));
        var finals = new Dictionary<long, long>();
        await RunInStepsAsync(parallelism: 2, restore: false, from: 0, upTo: 20_000);
        var deltas = KeyGroupDeltasWritten("kg/deltas/sums/");
        await RunInStepsAsync(parallelism: 3, restore: true, from: 20_000, upTo: 40_000);
        await RunInStepsAsync(parallelism: 1, restore: true, from: 40_000, upTo: count);

        Assert.True(deltas > 0, "no key group was written as a delta");
        Assert.Equal(expected, finals);

        async Task RunInStepsAsync(int parallelism, bool restore, long from, long upTo)
        {
            var env = Streaming(fixture, parallelism, TimeSpan.FromMilliseconds(20));
            if (restore)
                env.RestoreFrom(SavepointRestoreSettings.Latest);
            var numbers = new GatedSequenceSource(count);
            var sums = new CollectSink<(long Key, long Sum)>();
            env.FromSource(numbers, WatermarkStrategy<long>.NoWatermarks(), "numbers").Uid("numbers")
                .KeyBy(x => x / 20).Process(new RunningSum()).Uid("sums").SinkTo(sums);
            var job = await env.StartAsync("deltas");
            for (var step = from + 400; step <= upTo; step += 400)
            {
                if (step == count)
                    break; // the last step ends the input, and the job
                numbers.OpenUpTo(step);
                await SettleAsync(job, sums, step - from);
            }
            if (upTo == count)
            {
                numbers.OpenAll();
                await job.Completion.WaitAsync(TimeSpan.FromMinutes(1));
            }
            else
            {
                // Cancelled, the job keeps its latest checkpoint, which holds every number up to upTo (the restore replays none).
                await job.CancelAsync();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job.Completion.WaitAsync(TimeSpan.FromSeconds(30)));
            }
            Assert.Equal(upTo - from, sums.Values.Count);
            foreach (var (key, sum) in sums.Values)
                finals[key] = Math.Max(finals.GetValueOrDefault(key), sum);
        }
    }

    /// <summary>How many key-group writes of an operator that the store still holds are deltas (events and compacting snapshots).</summary>
    private int KeyGroupDeltasWritten(string prefix)
    {
        var serializer = new ActorStream.Actors.Serialization.StateSerializer((Akka.Actor.ExtendedActorSystem)fixture.Node.System);
        using var connection = SqlSchema.OpenConnection(fixture.Node.Services.StateStore);
        var deltas = 0;
        foreach (var (manifest, payload) in Rows($"SELECT manifest, message FROM journal WHERE persistence_id LIKE '{prefix}%'"))
            deltas += serializer.FromBinary(payload, manifest) is ActorStream.Actors.State.KeyGroupStateStored { BasedOn: > 0 } ? 1 : 0;
        foreach (var (manifest, payload) in Rows($"SELECT manifest, snapshot FROM snapshot WHERE persistence_id LIKE '{prefix}%'"))
            deltas += serializer.FromBinary(payload, manifest) is ActorStream.Actors.State.KeyGroupHistorySnapshot history ? history.Entries.Count(e => e.IsDelta) : 0;
        return deltas;

        List<(string Manifest, byte[] Payload)> Rows(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var rows = new List<(string, byte[])>();
            while (reader.Read())
                rows.Add((reader.GetString(0), (byte[])reader.GetValue(1)));
            return rows;
        }
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
}
