using ActorStream.Actors.Exchange;
using ActorStream.Graph.Plan;
using ActorStream.Graph.Runtime;
using Akka.TestKit.Xunit2;

namespace ActorStream.Actors.Tests;

/// <summary>Batches to subtasks of the same node are bounded by an estimated byte budget as well as by their record count.</summary>
public sealed class LocalBatchBytesSpecs : TestKit
{
    /// <summary>A record type that cannot be serialized (a delegate): it only ever travels by reference.</summary>
    private sealed record Unserializable(int Value, Action Callback);

    [Fact]
    public void RecordWriter_should_send_at_most_budget_over_record_size_large_records_per_local_batch()
    {
        var (receiver, writer) = Writer<string>(batchSize: 1024, localBatchBytes: 10_000);
        // 1,000 ASCII characters serialize to 1,002 bytes (a two-byte length, then the characters): 9 fit in 10,000 bytes.
        var records = Enumerable.Range(0, 100).Select(i => $"{i:D3}" + new string('x', 997)).ToList();

        foreach (var record in records)
            writer.ProcessElement(new StreamRecord<string>(record, 0));
        writer.FlushAll();

        var batches = Drain<string>(receiver);
        Assert.Equal(Enumerable.Repeat(9, 11).Append(1), batches.Select(b => b.Length));
        Assert.Equal(records, batches.SelectMany(b => b));
    }

    [Fact]
    public void RecordWriter_should_keep_the_count_bound_for_small_records()
    {
        var (receiver, writer) = Writer<long>(batchSize: 100, localBatchBytes: 10_000);

        for (var i = 0L; i < 1000; i++)
            writer.ProcessElement(new StreamRecord<long>(i, i));

        var batches = Drain<long>(receiver);
        Assert.Equal(Enumerable.Repeat(100, 10), batches.Select(b => b.Length));
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (long)i), batches.SelectMany(b => b));
    }

    [Fact]
    public void RecordWriter_should_shrink_the_batch_that_starts_with_a_large_record_after_small_ones()
    {
        var (receiver, writer) = Writer<string>(batchSize: 50, localBatchBytes: 10_000);
        var small = Enumerable.Range(0, 50).Select(i => $"s{i}").ToList();
        var large = Enumerable.Range(0, 10).Select(i => $"{i:D3}" + new string('y', 997)).ToList();

        foreach (var record in small.Concat(large))
            writer.ProcessElement(new StreamRecord<string>(record, 0));
        writer.FlushAll();

        var batches = Drain<string>(receiver);
        Assert.Equal([50, 9, 1], batches.Select(b => b.Length));
        Assert.Equal(small.Concat(large), batches.SelectMany(b => b));
    }

    [Fact]
    public void RecordWriter_should_bound_by_count_only_records_that_cannot_be_serialized()
    {
        var (receiver, writer) = Writer<Unserializable>(batchSize: 10, localBatchBytes: 1);

        for (var i = 0; i < 30; i++)
            writer.ProcessElement(new StreamRecord<Unserializable>(new Unserializable(i, () => { }), 0));

        var batches = Drain<Unserializable>(receiver);
        Assert.Equal([10, 10, 10], batches.Select(b => b.Length));
        Assert.Equal(Enumerable.Range(0, 30), batches.SelectMany(b => b).Select(r => r.Value));
    }

    [Fact]
    public void LocalBatchSizing_should_measure_the_first_batches_then_one_in_every_few()
    {
        var sizing = new LocalBatchSizing<string>(batchSize: 1024, batchBytes: 10_000);
        var large = new StreamRecord<string>(new string('z', 998), 0); // 1,000 bytes: 10 per batch
        var small = new StreamRecord<string>("s", 0);

        for (var batch = 0; batch < LocalBatchSizing<string>.WarmUpSamples; batch++)
            Assert.Equal(10, sizing.CapacityFor(in large));
        // Past the warm-up a smaller record is measured only at every SampleEvery-th batch; the estimate then decays by a tenth.
        for (var batch = LocalBatchSizing<string>.WarmUpSamples; batch < LocalBatchSizing<string>.SampleEvery; batch++)
            Assert.Equal(10, sizing.CapacityFor(in small));
        Assert.Equal(11, sizing.CapacityFor(in small));
        Assert.Equal(900, sizing.BytesPerRecord);
    }

    private (Akka.TestKit.TestProbe Receiver, RecordWriter<T> Writer) Writer<T>(int batchSize, int localBatchBytes)
    {
        var receiver = CreateTestProbe();
        var channel = new OutputChannel(receiver, 0);
        channel.AddCredit(1000);
        var writer = new RecordWriter<T>([channel], ForwardPartitioner.Instance.CreateSelector<T>(1, 0, 128), batchSize,
            localBatchBytes: localBatchBytes);
        return (receiver, writer);
    }

    private static List<T[]> Drain<T>(Akka.TestKit.TestProbe receiver)
    {
        var batches = new List<T[]>();
        while (receiver.HasMessages)
            batches.Add(((RecordBatch<T>)receiver.ExpectMsg<DataBatch>().Batch).Records.ToArray().Select(r => r.Value).ToArray());
        return batches;
    }
}
