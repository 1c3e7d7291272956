using ActorStream.Actors.Exchange;
using ActorStream.Actors.Serialization;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.Serialization;
using Akka.Actor;
using Akka.TestKit.Xunit2;

namespace ActorStream.Actors.Tests.Serialization;

public sealed class DataBatchSerializationSpecs : TestKit
{
    private const long NoTimestamp = StreamRecord<long>.NoTimestamp;
    private readonly ExtendedActorSystem _system;

    public DataBatchSerializationSpecs() : base(RuntimeSerializer.Bindings) => _system = (ExtendedActorSystem)Sys;

    /// <summary>A record type without a built-in serializer: it crosses as its members in order (WireSerializers), not as JSON.</summary>
    public sealed record Order(string Customer, decimal Amount, DateTimeOffset At, List<string> Tags);

    private (DataBatch Copy, string Manifest) RoundTrip<T>(int channel, params (T Value, long Timestamp)[] records)
    {
        var message = new DataBatch(channel, RuntimeMessageSamples.Batch(records));
        var expected = new DataBatch(channel, RuntimeMessageSamples.Batch(records)); // the sent batch is released once serialized
        var serializer = _system.Serialization.FindSerializerFor(message);
        var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, message);
        var copy = (DataBatch)_system.Serialization.Deserialize(serializer.ToBinary(message), serializer.Identifier, manifest);
        WireAssert.Equivalent(expected, copy);
        return (copy, manifest);
    }

    [Fact]
    public void A_batch_of_longs_should_round_trip_with_its_timestamps()
    {
        var (copy, manifest) = RoundTrip(7, (1L, 1_700_000_000_000), (long.MaxValue, 1_700_000_000_001), (long.MinValue, NoTimestamp), (0L, -5));

        Assert.Equal("DB:System.Int64", manifest);
        Assert.Equal(7, copy.Channel);
        Assert.Equal(4, Assert.IsType<RecordBatch<long>>(copy.Batch).Count);
    }

    [Fact]
    public void A_batch_of_strings_should_round_trip_every_string_exactly()
    {
        var (_, manifest) = RoundTrip(0, ("hello", 1L), ("", 2L), ("ünïcode ✓ 𝄞", 3L), (null!, 4L), ("lone \ud800 surrogate", 5L));

        Assert.Equal("DB:System.String", manifest);
    }

    [Fact]
    public void A_batch_of_records_should_round_trip_every_member()
    {
        var at = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2));
        var (_, manifest) = RoundTrip(1,
            (new Order("alice", 12.34m, at, ["new", "vip"]), 100L),
            (new Order("bob", -0.5m, at.AddDays(1), []), 99L));

        Assert.Equal($"DB:{typeof(Order).FullName}", manifest);
    }

    [Fact]
    public void A_batch_of_tuples_should_round_trip()
    {
        var (_, manifest) = RoundTrip(2, (("apple", 3L), 10L), (("pear", -1L), NoTimestamp));

        Assert.Equal("DB:System.ValueTuple<System.String, System.Int64>", manifest);
        RoundTrip(2, ((Key: 1, Window: (Start: 0L, End: 10L), Tags: new List<string> { "a" }), 5L));
    }

    [Fact]
    public void Batches_without_timestamps_and_empty_batches_should_round_trip()
    {
        RoundTrip(3, (1L, NoTimestamp), (2L, NoTimestamp));
        RoundTrip<string>(4);
    }

    [Fact]
    public void A_batch_serialized_for_another_node_should_go_back_to_the_pool_at_once()
    {
        var batch = RuntimeMessageSamples.Batch((1L, 1L), (2L, 2L));
        var serializer = _system.Serialization.FindSerializerFor(new DataBatch(0, batch));

        serializer.ToBinary(new DataBatch(0, batch));

        Assert.Contains("released", Assert.Throws<InvalidOperationException>(() => batch.Records.Length).Message);
    }

    [Fact]
    public void A_batch_should_count_its_bytes_on_the_wire_at_the_sender_and_at_the_receiver()
    {
        var sent = new WireBytes();
        var message = new DataBatch(2, RuntimeMessageSamples.Batch((1L, 1L), (2L, 2L))) { SentBytes = sent };
        var serializer = _system.Serialization.FindSerializerFor(message);

        var bytes = serializer.ToBinary(message);
        serializer.ToBinary(new DataBatch(2, RuntimeMessageSamples.Batch((3L, 3L))) { SentBytes = sent });
        var copy = (DataBatch)_system.Serialization.Deserialize(bytes, serializer.Identifier, Akka.Serialization.Serialization.ManifestFor(serializer, message));

        Assert.Equal(bytes.Length, copy.ReceivedBytes);
        Assert.True(sent.Total > bytes.Length, $"{sent.Total} bytes counted for two batches, the first alone took {bytes.Length}");
        Assert.Null(copy.SentBytes);
    }

    [Fact]
    public void Serialized_batches_should_size_the_next_batches_to_another_node_within_the_byte_budget()
    {
        var big = new string('x', 4_000);
        var message = new DataBatch(0, RuntimeMessageSamples.Batch(Enumerable.Range(0, 10).Select(i => ($"{i}:{big}", (long)i)).ToArray()));
        _system.Serialization.FindSerializerFor(message).ToBinary(message);

        const int budget = 256 * 1024;
        var records = RemoteBatchSizing.RecordsPerBatch(typeof(string), batchSize: 1024, budget);

        Assert.InRange(records, 1, budget / 4_000);
        Assert.True(records >= budget / 4_100, $"{records} records per batch is far below the budget");
    }

    [Fact]
    public void Batches_to_another_node_should_stay_below_the_large_object_heap_whatever_the_frame_allows()
    {
        // 300-byte records (Nexmark bids are of this size): a full batch of 1,024 would take ~300 KB.
        var record = new string('b', 296);
        var first = new DataBatch(0, RuntimeMessageSamples.Batch(Enumerable.Range(0, 64).Select(i => ($"{i:D3}{record}", (long)i)).ToArray()));
        var serializer = _system.Serialization.FindSerializerFor(first);
        serializer.ToBinary(first);

        var budget = RemoteBatchSizing.BatchBytes(2 * 1024 * 1024); // a node's budget with its 4 MiB frame
        var records = RemoteBatchSizing.RecordsPerBatch(typeof(string), batchSize: 1024, budget);
        var bytes = serializer.ToBinary(new DataBatch(0, RuntimeMessageSamples.Batch(Enumerable.Range(0, records)
            .Select(i => ($"{i % 1000:D3}{record}", (long)i)).ToArray())));

        Assert.Equal(RemoteBatchSizing.MaxBatchBytes, budget);
        Assert.Equal(32 * 1024, RemoteBatchSizing.BatchBytes(32 * 1024));
        Assert.InRange(records, 200, 1023);
        Assert.InRange(bytes.Length, 50_000, 84_999); // 85,000 bytes and more go to the large object heap
    }

    [Fact]
    public void Messages_serialized_one_after_another_on_a_thread_should_each_keep_their_own_bytes()
    {
        var serializer = _system.Serialization.FindSerializerFor(new DataBatch(0, RuntimeMessageSamples.Batch((1L, 1L))));
        var large = serializer.ToBinary(new DataBatch(5, RuntimeMessageSamples.Batch(Enumerable.Range(0, 500).Select(i => ((long)i, (long)i)).ToArray())));
        var small = serializer.ToBinary(new DataBatch(6, RuntimeMessageSamples.Batch((42L, 7L))));

        var copy = (DataBatch)_system.Serialization.Deserialize(small, serializer.Identifier, "DB:System.Int64");
        var again = (DataBatch)_system.Serialization.Deserialize(large, serializer.Identifier, "DB:System.Int64");

        Assert.Equal((6, 42L, 7L), (copy.Channel, ((RecordBatch<long>)copy.Batch).Records[0].Value, ((RecordBatch<long>)copy.Batch).Records[0].Timestamp));
        Assert.Equal((5, 500, 499L), (again.Channel, again.Batch.Count, ((RecordBatch<long>)again.Batch).Records[499].Value));
    }

    [Fact]
    public void A_received_batch_should_be_on_a_pooled_array_that_its_processor_releases()
    {
        var (copy, _) = RoundTrip(0, (1L, 1L), (2L, 2L));
        var batch = Assert.IsType<RecordBatch<long>>(copy.Batch);

        batch.Release();

        Assert.Throws<InvalidOperationException>(() => batch.Records.Length);
    }

    [Fact]
    public void Timestamps_should_cost_about_a_byte_each_when_they_are_close_together()
    {
        var serializer = new RuntimeSerializer(_system);
        var records = Enumerable.Range(0, 1_000).Select(i => ((long)i, 1_700_000_000_000L + i)).ToArray();

        var bytes = serializer.ToBinary(new DataBatch(0, RuntimeMessageSamples.Batch(records)));

        // 1,000 small values (1-2 bytes) and deltas of 1 (1 byte), not 8 bytes per timestamp.
        Assert.InRange(bytes.Length, 2_000, 3_100);
    }

    [Theory]
    [InlineData(typeof(long))]
    [InlineData(typeof(Dictionary<string, List<(int, Guid)>>[]))]
    [InlineData(typeof(int[,]))]
    [InlineData(typeof(Order))]
    [InlineData(typeof(Outer<Order>.Inner))]
    [InlineData(typeof(List<Outer<long>.Inner>))]
    [InlineData(typeof(KeyValuePair<string, decimal?>))]
    public void A_type_identity_should_resolve_to_its_type_on_the_receiving_side(Type type)
    {
        Assert.Equal(type, TypeIdentityResolver.Resolve(TypeIdentity.Of(type)));
    }

    [Fact]
    public void A_compiler_generated_type_name_should_resolve_by_its_identity()
    {
        Func<int> lambda = () => 1;
        var generated = lambda.Method.DeclaringType!; // DataBatchSerializationSpecs+<>c

        Assert.Equal(generated, TypeIdentityResolver.Resolve(TypeIdentity.Of(generated)));
        Assert.Equal(typeof(List<>).MakeGenericType(generated), TypeIdentityResolver.Resolve(TypeIdentity.Of(typeof(List<>).MakeGenericType(generated))));
    }

    [Fact]
    public void A_batch_of_an_unknown_type_should_fail_with_a_clear_error()
    {
        var serializer = new RuntimeSerializer(_system);

        var error = Assert.ThrowsAny<Exception>(() => serializer.FromBinary([1, 0, 0, 0], "DB:No.Such.Type<System.Int64>"));

        Assert.Contains("No.Such.Type", error.Message);
    }

    /// <summary>A generic type with a nested type, whose identity loses where each arity marker was.</summary>
    public sealed class Outer<T>
    {
        /// <summary>Nested in a generic type: generic itself.</summary>
        public sealed class Inner;
    }
}
