using System.Text.RegularExpressions;
using ActorStream.Connectors.Kafka;
using Confluent.Kafka;

namespace ActorStream.Connectors.Tests.Kafka;

/// <summary>
/// The Kafka source on librdkafka's mock cluster: partitions shared deterministically, positions in
/// checkpoints restored at another parallelism, bounded reads, starting offsets, offsets committed
/// when a checkpoint completes, malformed records to the side output, discovery of new topics.
/// </summary>
public sealed class KafkaSourceSpecs(MockKafka kafka) : IClassFixture<MockKafka>
{
    private KafkaSource<string> Source(string topic, Func<KafkaSourceOptions, KafkaSourceOptions>? configure = null)
    {
        var options = new KafkaSourceOptions { BootstrapServers = kafka.Bootstrap, Topics = [topic], Bounded = true };
        return new KafkaSource<string>(configure?.Invoke(options) ?? options, KafkaDeserializers.Utf8);
    }

    private string Topic(string name, int partitions, int records)
    {
        kafka.Cluster.CreateTopic(name, partitions);
        if (records > 0)
            TestRecords.Produce(kafka.Bootstrap, name, Enumerable.Range(0, records).Select(i => $"r{i}"), i => i % partitions);
        return name;
    }

    [Fact]
    public async Task Subtasks_should_read_the_partitions_their_owner_function_gives_them_each_record_once_in_partition_order()
    {
        var topic = Topic("shared", partitions: 5, records: 100);
        var drivers = Enumerable.Range(0, 2).Select(i => new KafkaReaderDriver<string>(Source(topic), i, 2)).ToList();
        foreach (var driver in drivers)
            await driver.ReadAsync();

        Assert.All(drivers, d => Assert.True(d.Ended));
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"r{i}").Order(), drivers.SelectMany(d => d.Values).Order());
        for (var subtask = 0; subtask < 2; subtask++)
        {
            var expectedSplits = Enumerable.Range(0, 5).Where(p => KafkaPartitionOwner.Of(topic, p, 2) == subtask).Select(p => $"{topic}-{p}");
            Assert.Equal(expectedSplits, drivers[subtask].BySplit.Select(r => r.Split).Distinct().Order());
            foreach (var split in drivers[subtask].BySplit.GroupBy(r => r.Split))
            {
                var numbers = split.Select(r => int.Parse(r.Value[1..])).ToList();
                Assert.Equal(numbers.Order(), numbers); // in offset order within a partition
                Assert.All(split, r => Assert.Equal(1000 + int.Parse(r.Value[1..]), r.Timestamp)); // the record's timestamp
            }
            Assert.Equal(expectedSplits, drivers[subtask].Released.Order()); // each finished partition releases its watermark
        }
        drivers.ForEach(d => d.Dispose());
    }

    [Fact]
    public async Task A_paused_partition_should_not_be_read_until_resumed_and_then_read_on_where_it_stopped()
    {
        var topic = Topic("aligned", partitions: 2, records: 200); // r0, r2, ... in partition 0; r1, r3, ... in partition 1
        using var driver = new KafkaReaderDriver<string>(Source(topic), 0, 1);
        await driver.ReadAsync(count: 1);
        var before = driver.BySplit.Count(r => r.Split == $"{topic}-0");

        Assert.True(driver.PauseOrResume([$"{topic}-0"], []));
        await driver.ReadAsync(timeout: TimeSpan.FromSeconds(3));

        Assert.False(driver.Ended); // partition 0 is neither read nor finished
        Assert.Equal(100, driver.BySplit.Count(r => r.Split == $"{topic}-1"));
        Assert.InRange(driver.BySplit.Count(r => r.Split == $"{topic}-0"), before, before + 1); // at most the record handed over already
        Assert.True(driver.PauseOrResume([], [$"{topic}-0"]));
        await driver.ReadAsync();

        Assert.True(driver.Ended);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"r{i}").Order(), driver.Values.Order()); // each record once
        var partition0 = driver.BySplit.Where(r => r.Split == $"{topic}-0").Select(r => int.Parse(r.Value[1..])).ToList();
        Assert.Equal(partition0.Order(), partition0);
    }

    [Fact]
    public void The_owner_function_should_be_flinks()
    {
        // Flink: ((topic.hashCode() * 31) & 0x7FFFFFFF) % n, then round robin; "clicks".hashCode() is -1357714453.
        var start = (unchecked(-1357714453 * 31) & 0x7FFFFFFF) % 4;
        Assert.Equal(Enumerable.Range(0, 6).Select(p => (start + p) % 4), Enumerable.Range(0, 6).Select(p => KafkaPartitionOwner.Of("clicks", p, 4)));
    }

    [Fact]
    public async Task A_restore_at_another_parallelism_should_resume_after_the_last_record_emitted()
    {
        var topic = Topic("rescaled", partitions: 4, records: 80);
        var first = Enumerable.Range(0, 2).Select(i => new KafkaReaderDriver<string>(Source(topic), i, 2)).ToList();
        foreach (var driver in first)
            await driver.ReadAsync(count: 15);
        var states = first.Select(d => d.Snapshot(1)).ToList();
        first.ForEach(d => d.Dispose());

        var second = Enumerable.Range(0, 3).Select(i => new KafkaReaderDriver<string>(Source(topic), i, 3, states)).ToList();
        foreach (var driver in second)
            await driver.ReadAsync();

        var all = first.SelectMany(d => d.Values).Concat(second.SelectMany(d => d.Values)).ToList();
        Assert.Equal(30, first.Sum(d => d.Values.Count));
        Assert.Equal(Enumerable.Range(0, 80).Select(i => $"r{i}").Order(), all.Order()); // every record once
        second.ForEach(d => d.Dispose());
    }

    [Fact]
    public async Task A_bounded_source_should_stop_at_the_offsets_latest_at_its_first_start_also_after_a_restore()
    {
        var topic = Topic("bounded", partitions: 2, records: 10);
        var reader = new KafkaReaderDriver<string>(Source(topic), 0, 1);
        await reader.ReadAsync(count: 4);
        TestRecords.Produce(kafka.Bootstrap, topic, ["late-0", "late-1"], i => i % 2); // after the start: not part of this run
        var state = reader.Snapshot(1);
        await reader.ReadAsync();
        reader.Dispose();
        Assert.True(reader.Ended);
        Assert.Equal(10, reader.Values.Count);

        var restored = new KafkaReaderDriver<string>(Source(topic), 0, 1, [state]);
        await restored.ReadAsync();
        Assert.True(restored.Ended);
        Assert.Equal(reader.Values.Skip(4).Order(), restored.Values.Order());
        restored.Dispose();
    }

    [Fact]
    public async Task The_readers_lag_should_count_the_records_not_read_yet_in_its_partitions()
    {
        var topic = Topic("lagging", partitions: 2, records: 100);
        var reader = new KafkaReaderDriver<string>(Source(topic, o => o with { Bounded = false }), 0, 1);
        Assert.Null(reader.PendingRecords); // nothing fetched yet

        await reader.ReadAsync(count: 30);
        await LagAsync(70); // once both partitions were fetched
        TestRecords.Produce(kafka.Bootstrap, topic, Enumerable.Range(0, 20).Select(i => $"more-{i}"), i => i % 2);
        await reader.ReadAsync(count: 40);
        await LagAsync(80); // the next fetches bring the new high watermarks

        await reader.ReadAsync(count: 120);
        Assert.Equal(0, reader.PendingRecords);
        reader.Dispose();

        async Task LagAsync(long expected)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (reader.PendingRecords != expected && DateTime.UtcNow < deadline)
                await Task.Delay(50);
            Assert.Equal(expected, reader.PendingRecords);
        }
    }

    [Fact]
    public async Task Latest_starting_offsets_should_skip_what_came_before()
    {
        var topic = Topic("starting", partitions: 1, records: 10);
        var latest = new KafkaReaderDriver<string>(Source(topic, o => o with { StartingOffsets = KafkaStartingOffsets.Latest, Bounded = false }), 0, 1);
        await latest.ReadAsync(count: 1, TimeSpan.FromSeconds(2)); // starts, finds nothing new
        TestRecords.Produce(kafka.Bootstrap, topic, ["after"], _ => 0);
        await latest.ReadAsync(count: 1);
        Assert.Equal(["after"], latest.Values);
        latest.Dispose();
    }

    [Fact]
    public async Task A_checkpoint_before_the_first_poll_should_keep_the_resolved_latest_offsets()
    {
        var topic = Topic("latest-early", partitions: 1, records: 10);
        var latest = Source(topic, o => o with { StartingOffsets = KafkaStartingOffsets.Latest, Bounded = false });
        byte[] state;
        using (var first = new KafkaReaderDriver<string>(latest, 0, 1))
            state = first.Snapshot(1); // the barrier came before any poll
        TestRecords.Produce(kafka.Bootstrap, topic, ["after"], _ => 0);

        using var restored = new KafkaReaderDriver<string>(latest, 0, 1, [state]);
        await restored.ReadAsync(count: 2, TimeSpan.FromSeconds(3));

        Assert.Equal(["after"], restored.Values); // not the 10 records from before the start
    }

    [Fact]
    public async Task Offsets_should_reach_the_consumer_group_only_when_their_checkpoint_completes()
    {
        var topic = Topic("committing", partitions: 1, records: 10);
        KafkaSource<string> Grouped(KafkaStartingOffsets start) =>
            Source(topic, o => o with { GroupId = "committing-group", StartingOffsets = start });
        var reader = new KafkaReaderDriver<string>(Grouped(KafkaStartingOffsets.Earliest), 0, 1);
        await reader.ReadAsync(count: 3);
        reader.Snapshot(1);
        await reader.ReadAsync(count: 6);
        reader.Snapshot(2);
        Assert.Null(await CommittedAsync(topic, "committing-group", expected: 3, TimeSpan.FromSeconds(1))); // checkpoint 1 not complete yet

        reader.Complete(1);
        Assert.Equal(3, await CommittedAsync(topic, "committing-group", expected: 3, TimeSpan.FromSeconds(10)));
        reader.Dispose();

        var resumed = new KafkaReaderDriver<string>(Grouped(KafkaStartingOffsets.Committed()), 0, 1);
        await resumed.ReadAsync();
        Assert.Equal(Enumerable.Range(3, 7).Select(i => $"r{i}"), resumed.Values);
        resumed.Dispose();
    }

    [Fact]
    public async Task Malformed_records_should_go_to_the_side_output_with_where_they_are_and_why()
    {
        const string topic = "malformed";
        kafka.Cluster.CreateTopic(topic, 1);
        TestRecords.Produce(kafka.Bootstrap, topic, ["{\"n\":1}", "not json", "{\"n\":2}"], _ => 0);
        var source = new KafkaSource<Numbered>(new KafkaSourceOptions { BootstrapServers = kafka.Bootstrap, Topics = [topic], Bounded = true },
            KafkaDeserializers.JsonLines<Numbered>(n => n.N > 0 ? null : "n must be positive"));
        var reader = new KafkaReaderDriver<Numbered>(source, 0, 1);
        await reader.ReadAsync();

        Assert.Equal([1, 2], reader.Values.Select(v => v.N));
        var dead = Assert.Single(reader.Malformed);
        Assert.Equal((topic, 0, 1L, "not json"), (dead.Topic, dead.Partition, dead.Offset, dead.Value));
        Assert.False(string.IsNullOrWhiteSpace(dead.Error));
        reader.Dispose();
    }

    [Fact]
    public async Task Discovery_should_find_topics_matching_the_pattern_that_appear_later()
    {
        Topic("found-a", partitions: 1, records: 2);
        var source = new KafkaSource<string>(new KafkaSourceOptions
        {
            BootstrapServers = kafka.Bootstrap,
            TopicPattern = new Regex("found-.*"),
            PartitionDiscoveryInterval = TimeSpan.FromMilliseconds(200),
        }, KafkaDeserializers.Utf8);
        var reader = new KafkaReaderDriver<string>(source, 0, 1);
        await reader.ReadAsync(count: 2);
        Topic("found-b", partitions: 2, records: 4);
        await reader.ReadAsync(count: 6, TimeSpan.FromSeconds(20));

        Assert.Equal(["r0", "r0", "r1", "r1", "r2", "r3"], reader.Values.Order());
        reader.Dispose();
    }

    [Fact]
    public void A_missing_topic_should_fail_the_reader_with_its_name()
    {
        var reader = new KafkaReaderDriver<string>(Source("no-such-topic"), 0, 1);
        var error = Assert.Throws<KafkaSourceException>(() => reader.ReadAsync().GetAwaiter().GetResult());
        Assert.Contains("'no-such-topic'", error.Message);
        reader.Dispose();
    }

    [Fact]
    public async Task A_reader_that_is_not_polled_should_stop_fetching_at_its_queue_bound_and_then_read_everything()
    {
        const int partitions = 4, perPartition = 3_000; // 1 KiB records: 12 MiB in all
        kafka.Cluster.CreateTopic("backpressure", partitions);
        var payload = new string('x', 1_000);
        TestRecords.Produce(kafka.Bootstrap, "backpressure", Enumerable.Range(0, partitions * perPartition).Select(i => $"{i:D6}{payload}"), i => i % partitions);
        // Statistics reach the handler only through polls: the ones taken while paused arrive, in order, once it polls again.
        var received = new List<long>();
        var source = Source("backpressure", o => o with
        {
            Properties = new Dictionary<string, string> { ["queued.max.messages.kbytes"] = "1024", ["statistics.interval.ms"] = "100" },
            StatisticsHandler = json => received.Add(System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("rxmsg_bytes").GetInt64()),
        });
        using var reader = new KafkaReaderDriver<string>(source, 0, 1);

        await reader.ReadAsync(count: 10);
        await Task.Delay(TimeSpan.FromSeconds(3)); // back-pressured: the subtask does not poll
        await reader.ReadAsync();

        Assert.True(reader.Ended);
        Assert.Equal(partitions * perPartition, reader.Values.Count);
        // While paused, fetching stopped: a long run of equal figures, at the 1 MiB queue plus what was in flight, not 12 MiB.
        var plateau = received.Where(b => b > 0).GroupBy(b => b).Where(g => g.Count() >= 15).Select(g => g.Key).ToList();
        Assert.True(plateau.Count > 0 && plateau.Min() < 4L * 1024 * 1024,
            $"No pause in fetching below 4 MiB: {string.Join(", ", received.Distinct().Take(40))}");
    }

    private async Task<long?> CommittedAsync(string topic, string group, long expected, TimeSpan within)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = kafka.Bootstrap, GroupId = group }).Build();
        var deadline = DateTime.UtcNow + within;
        long? last = null;
        do
        {
            var offset = consumer.Committed([new TopicPartition(topic, 0)], TimeSpan.FromSeconds(5)).Single().Offset;
            last = offset.Value >= 0 ? offset.Value : null;
            if (last == expected)
                return last;
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        return last;
    }

    public sealed record Numbered(int N);
}
