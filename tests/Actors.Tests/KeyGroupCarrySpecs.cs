using ActorStream.Actors.Exchange;
using ActorStream.Actors.Subtasks;
using ActorStream.Graph;
using ActorStream.Graph.Keys;
using ActorStream.Graph.Operators;
using ActorStream.Graph.Plan;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.State;
using ActorStream.Testing;
using Akka.TestKit.Xunit2;

namespace ActorStream.Actors.Tests;

/// <summary>
/// A keyed edge between subtasks of one node carries the key group the sender computed: the receiving keyed
/// operator scopes its state with it instead of hashing the key again, and only when the groups were computed
/// by its own key selector.
/// </summary>
public sealed class KeyGroupCarrySpecs : TestKit
{
    /// <summary>A key that counts how often it is hashed (only this spec uses it).</summary>
    private sealed record CountedKey(int Id) : IStableHashable
    {
        public static int Hashes;

        public int GetStableHashCode()
        {
            Interlocked.Increment(ref Hashes);
            return Id * 7919;
        }
    }

    private sealed record Bid(CountedKey Key, int Value);

    private static readonly Func<Bid, CountedKey> ByKey = bid => bid.Key;

    /// <summary>Emits "key:count" from value state, so a record scoped to the wrong key group starts its key over at 1.</summary>
    private sealed class CountPerKey : KeyedProcessFunction<CountedKey, Bid, string>
    {
        private IValueState<int> _count = null!;

        public override void Open() => _count = RuntimeContext.GetState(new ValueStateDescriptor<int>("count"));

        public override void ProcessElement(Bid value, Context context, ICollector<string> output)
        {
            if (value.Value < 0)
                throw new InvalidOperationException($"negative bid {value.Value}");
            _count.Update(_count.Value() + 1);
            output.Collect($"{value.Key.Id}:{_count.Value()}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Keyed_edge_should_deliver_each_record_with_its_own_key_group_to_the_subtask_that_owns_it(int parallelism)
    {
        var probes = Enumerable.Range(0, parallelism).Select(_ => CreateTestProbe()).ToArray();
        var channels = probes.Select(p => new OutputChannel(p, 0)).ToArray();
        foreach (var channel in channels)
            channel.AddCredit(100);
        var selector = new KeyGroupStreamPartitioner<Bid, CountedKey>(ByKey).CreateSelector<Bid>(parallelism, 0, 128);
        var writer = new RecordWriter<Bid>(channels, selector, batchSize: 16);
        var bids = Enumerable.Range(0, 200).Select(i => new Bid(new CountedKey(i % 37), i)).ToList();

        foreach (var bid in bids)
            writer.ProcessElement(new StreamRecord<Bid>(bid, bid.Value));
        writer.FlushAll();

        var received = new List<string>();
        for (var subtask = 0; subtask < parallelism; subtask++)
        {
            var harness = OperatorHarness.For(new KeyedProcessOperator<CountedKey, Bid, string>(new CountPerKey(), ByKey),
                OperatorHarness.Subtask(subtask, parallelism)).Open();
            var processor = new InputProcessor<Bid>(new GuardedInput<Bid>(harness.Operator, "count"));
            var keys = new List<CountedKey>();
            while (probes[subtask].HasMessages)
            {
                var batch = (RecordBatch<Bid>)probes[subtask].ExpectMsg<DataBatch>().Batch;
                Assert.Same(ByKey, batch.KeySelector);
                Assert.Equal(batch.Count, batch.KeyGroups.Length);
                for (var i = 0; i < batch.Count; i++)
                {
                    var key = batch.Records[i].Value.Key;
                    var keyGroup = KeyGroupRangeAssignment.AssignToKeyGroup(key, 128);
                    Assert.Equal(keyGroup, batch.KeyGroups[i]);
                    Assert.Equal(subtask, KeyGroupRangeAssignment.ComputeOperatorIndexForKeyGroup(128, parallelism, keyGroup));
                    keys.Add(key);
                }
                var hashesBefore = Volatile.Read(ref CountedKey.Hashes);
                processor.Process(batch);
                Assert.Equal(hashesBefore, Volatile.Read(ref CountedKey.Hashes)); // the receiver took the carried groups
            }
            var counts = harness.Values.GroupBy(v => v.Split(':')[0]).ToDictionary(g => g.Key, g => g.Count());
            received.AddRange(harness.Values);

            // The same keys again, hashed by the operator itself: their counts go on only if the carried groups scoped them right.
            harness.ClearOutput();
            foreach (var key in keys.Distinct())
                harness.ProcessElement(new Bid(key, 1));
            Assert.Equal(keys.Distinct().Select(k => $"{k.Id}:{counts[k.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)] + 1}"),
                harness.Values);
        }

        var expected = bids.GroupBy(b => b.Key.Id).SelectMany(g => g.Select((_, n) => $"{g.Key}:{n + 1}")).Order();
        Assert.Equal(expected, received.Order());
    }

    [Fact]
    public void Keyed_operator_should_hash_again_when_the_key_groups_come_from_another_key_selector()
    {
        var harness = OperatorHarness.For(new KeyedProcessOperator<CountedKey, Bid, string>(new CountPerKey(), ByKey)).Open();
        var records = Enumerable.Range(0, 6).Select(i => new StreamRecord<Bid>(new Bid(new CountedKey(i % 3), i), i)).ToArray();
        Func<Bid, int> otherSelector = bid => bid.Value;
        var wrongGroups = new int[records.Length]; // all key group 0: the groups of another key

        var hashesBefore = Volatile.Read(ref CountedKey.Hashes);
        harness.Operator.ProcessBatch(records, new BatchKeyGroups(wrongGroups, otherSelector));

        Assert.Equal(hashesBefore + records.Length, Volatile.Read(ref CountedKey.Hashes));
        harness.ProcessElement(new Bid(new CountedKey(1), 10));
        Assert.Equal(["0:1", "1:1", "2:1", "0:2", "1:2", "2:2", "1:3"], harness.Values);
    }

    [Fact]
    public void A_failing_keyed_operator_should_fail_the_batch_naming_it_after_processing_the_records_before_exactly_once()
    {
        var harness = OperatorHarness.For(new KeyedProcessOperator<CountedKey, Bid, string>(new CountPerKey(), ByKey)).Open();
        var processor = new InputProcessor<Bid>(new GuardedInput<Bid>(harness.Operator, "bid-counter"));
        var array = RecordBatch<Bid>.RentArray(6);
        var groups = RecordBatch<Bid>.RentKeyGroups(6);
        int[] values = [1, 2, 3, -4, 5, 6];
        for (var i = 0; i < values.Length; i++)
        {
            var key = new CountedKey(i % 2);
            array[i] = new StreamRecord<Bid>(new Bid(key, values[i]), i);
            groups[i] = KeyGroupRangeAssignment.AssignToKeyGroup(key, 128);
        }
        var batch = new RecordBatch<Bid>(array, groups, ByKey, values.Length);

        var error = Assert.Throws<OperatorException>(() => processor.Process(batch));

        Assert.Equal("bid-counter", error.OperatorName);
        Assert.Contains("negative bid -4", error.Message, StringComparison.Ordinal);
        Assert.Equal(["0:1", "1:1", "0:2"], harness.Values);
        Assert.Throws<InvalidOperationException>(() => batch.Records.Length); // released even though it failed
    }

    [Fact]
    public void A_failing_chained_operator_should_be_named_by_the_output_that_calls_it()
    {
        var writerLike = new CollectingOutput<int>();
        var filter = new FilterOperator<int>(new ThrowingFilter());
        filter.Setup(OperatorHarness.Subtask(), new CollectingOutput<int>());
        var output = new ChainOutput<int>([new Collector(writerLike), filter], [null, "even-filter"], new Dictionary<OutputTag, IWatermarkInput[]>());

        output.Collect(new StreamRecord<int>(2, 0));
        var error = Assert.Throws<OperatorException>(() => output.Collect(new StreamRecord<int>(3, 0)));

        Assert.Equal("even-filter", error.OperatorName);
        Assert.Equal([2, 3], writerLike.Values); // consumers before the failing one got the record once
    }

    [Fact]
    public void Writers_sharing_a_backlog_should_be_unavailable_while_one_channel_is_out_of_credit()
    {
        var backlog = new OutputBacklog();
        var probes = Enumerable.Range(0, 4).Select(_ => CreateTestProbe()).ToArray();
        var channels = probes.Take(3).Select(p => new OutputChannel(p, 0)).ToArray();
        channels[0].AddCredit(5);
        channels[1].AddCredit(5); // channel 2 has none
        var byValue = new Modulo(3);
        var writer = new RecordWriter<int>(channels, byValue, batchSize: 2, backlog: backlog);
        var other = new OutputChannel(probes[3], 0);
        other.AddCredit(5);
        var otherWriter = new RecordWriter<int>([other], byValue, batchSize: 2, backlog: backlog);

        for (var i = 0; i < 6; i++)
            writer.ProcessElement(new StreamRecord<int>(i, 0)); // two records to each channel: a full batch each
        writer.ProcessElement(new StreamRecord<int>(2, 0));
        writer.ProcessElement(new StreamRecord<int>(5, 0)); // a second batch behind the first on channel 2

        Assert.Equal(1, backlog.BackloggedChannels);
        Assert.False(writer.IsAvailable);
        Assert.False(otherWriter.IsAvailable);
        probes[0].ExpectMsg<DataBatch>();
        probes[1].ExpectMsg<DataBatch>();
        probes[2].ExpectNoMsg(TimeSpan.FromMilliseconds(50));

        writer.AddCredit(2, 1);
        Assert.Equal(1, backlog.BackloggedChannels); // one batch still waits
        writer.AddCredit(2, 1);
        Assert.Equal(0, backlog.BackloggedChannels);
        Assert.True(writer.IsAvailable);
        Assert.True(otherWriter.IsAvailable);
        Assert.Equal([2, 5], ((RecordBatch<int>)probes[2].ExpectMsg<DataBatch>().Batch).Records.ToArray().Select(r => r.Value));
        Assert.Equal([2, 5], ((RecordBatch<int>)probes[2].ExpectMsg<DataBatch>().Batch).Records.ToArray().Select(r => r.Value));
    }

    private sealed class Modulo(int channels) : IChannelSelector<int>
    {
        public int SelectChannel(in StreamRecord<int> record) => record.Value % channels;
    }

    private sealed class ThrowingFilter : IFilterFunction<int>
    {
        public bool Filter(int value) => value % 2 == 0 ? true : throw new ArgumentException($"odd {value}");
    }

    private sealed class Collector(CollectingOutput<int> output) : IInput<int>
    {
        public void ProcessElement(in StreamRecord<int> record) => output.Collect(in record);

        public void ProcessWatermark(long watermark) => output.EmitWatermark(watermark);
    }
}
