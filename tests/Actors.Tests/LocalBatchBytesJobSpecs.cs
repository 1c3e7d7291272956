using ActorStream.Actors.Tests.Support;
using ActorStream.Graph;
using ActorStream.Graph.Operators;
using ActorStream.Graph.State;

namespace ActorStream.Actors.Tests;

/// <summary>A job whose records are large: local batches bounded in bytes deliver every record once, in order per channel.</summary>
public sealed class LocalBatchBytesJobSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private const int Count = 2_000;
    private const int Keys = 5;

    /// <summary>Counts records per key and refuses one whose sequence number is not above the key's last (out of order).</summary>
    private sealed class CountInOrder : KeyedProcessFunction<int, (int Key, string Payload), string>
    {
        private IValueState<int> _last = null!;
        private IValueState<int> _count = null!;

        public override void Open()
        {
            _last = RuntimeContext.GetState(new ValueStateDescriptor<int>("last", -1));
            _count = RuntimeContext.GetState(new ValueStateDescriptor<int>("count"));
        }

        public override void ProcessElement((int Key, string Payload) value, Context context, ICollector<string> output)
        {
            var sequence = int.Parse(value.Payload.AsSpan(0, 6), System.Globalization.CultureInfo.InvariantCulture);
            if (sequence <= _last.Value())
                throw new InvalidOperationException($"record {sequence} of key {value.Key} after {_last.Value()}");
            _last.Update(sequence);
            _count.Update(_count.Value() + 1);
            output.Collect($"{value.Key}:{_count.Value()}:{sequence}:{value.Payload.Length}");
        }
    }

    [Fact]
    public async Task Job_with_large_records_should_emit_exactly_the_expected_results_in_order_per_key()
    {
        var env = fixture.CreateEnvironment(parallelism: 2);
        env.RuntimeMode = RuntimeExecutionMode.Streaming;
        env.EnableCheckpointing(TimeSpan.FromMilliseconds(20));
        env.LocalBatchBytes = 64 * 1024; // 20 KB records: 3 per batch
        var sink = new CollectSink<string>();
        env.FromCollection(Enumerable.Range(0, Count))
            .Map(i => (Key: i % Keys, Payload: $"{i:D6}" + new string((char)('a' + i % 26), 20_000)))
            .SetParallelism(1) // one sender: each key's records travel one channel, in order
            .KeyBy(t => t.Key)
            .Process(new CountInOrder())
            .SinkTo(sink);

        await env.ExecuteAsync("large-records");

        var expected = Enumerable.Range(0, Count).Select(i => $"{i % Keys}:{i / Keys + 1}:{i}:20006");
        Assert.Equal(expected.Order(StringComparer.Ordinal), sink.Values.Order(StringComparer.Ordinal));
    }
}
