using ActorStream.Graph;
using ActorStream.Graph.Keys;
using ActorStream.Graph.Operators;
using ActorStream.Graph.Plan;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.State;
using BenchmarkDotNet.Attributes;

namespace ActorStream.Bench.Micro;

/// <summary>
/// The receiving end of a keyed edge: a batch of 1,024 records into a keyed process operator that counts per key in
/// value state (q5's and q11's per-key state), the way a subtask hands it over: record by record through the input
/// interface, as one batch (the operator hashes each key), or as one batch with the key groups the sender computed.
/// Reported per record.
/// </summary>
[MemoryDiagnoser]
public class KeyedReceiveBenchmarks
{
    private const int Batches = 100;
    private const int BatchSize = 1024;
    private const int Keys = 10_000;

    private IInput<(long Auction, int Channel)> _input = null!;
    private Delegate _keySelector = null!;
    private StreamRecord<(long Auction, int Channel)>[][] _batches = [];
    private int[][] _keyGroups = [];
    private readonly CountingOutput _output = new();

    /// <summary>The key: the long auction id, or the (auction, channel) value tuple.</summary>
    [Params("long", "tuple")]
    public string Key { get; set; } = "long";

    /// <summary>How the subtask hands the batch to the operator.</summary>
    [Params("per-record", "batch", "batch-with-key-groups")]
    public string Handover { get; set; } = "batch";

    /// <summary>Builds the operator from its transformation, as a subtask does, and the batches with their key groups.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var source = StreamExecutionEnvironment.Create().FromCollection(Array.Empty<(long Auction, int Channel)>());
        var maxParallelism = KeyGroupRangeAssignment.DefaultMaxParallelism;
        DataStream<long> counted;
        Func<(long Auction, int Channel), int> keyGroupOf;
        if (Key == "long")
        {
            var keyed = source.KeyBy(e => e.Auction);
            _keySelector = keyed.KeySelector;
            counted = keyed.Process(new CountPerKey<long>());
            keyGroupOf = e => KeyGroupRangeAssignment.AssignToKeyGroup(e.Auction, maxParallelism);
        }
        else
        {
            var keyed = source.KeyBy(e => e);
            _keySelector = keyed.KeySelector;
            counted = keyed.Process(new CountPerKey<(long, int)>());
            keyGroupOf = e => KeyGroupRangeAssignment.AssignToKeyGroup(e, maxParallelism);
        }
        var op = (OneInputStreamOperator<(long Auction, int Channel), long>)((OneInputTransformation)counted.Transformation)
            .CreateOperator(new PlanSettings());
        op.Setup(OperatorContext.ForTest(maxParallelism: maxParallelism), _output);
        op.Open();
        _input = op;
        var random = new Random(42);
        _batches = Enumerable.Range(0, Batches).Select(b => Enumerable.Range(0, BatchSize)
            .Select(i => new StreamRecord<(long, int)>((random.Next(Keys), random.Next(4)), b * BatchSize + i)).ToArray()).ToArray();
        _keyGroups = _batches.Select(batch => batch.Select(r => keyGroupOf(r.Value)).ToArray()).ToArray();
    }

    /// <summary>Every batch once.</summary>
    [Benchmark(OperationsPerInvoke = Batches * BatchSize)]
    public long Receive()
    {
        for (var b = 0; b < _batches.Length; b++)
        {
            var batch = _batches[b];
            switch (Handover)
            {
                case "per-record":
                    foreach (ref readonly var record in batch.AsSpan())
                        _input.ProcessElement(in record);
                    break;
                case "batch":
                    _input.ProcessBatch(batch);
                    break;
                default:
                    _input.ProcessBatch(batch, new BatchKeyGroups(_keyGroups[b], _keySelector));
                    break;
            }
        }
        return _output.Records;
    }

    /// <summary>Counts per key in value state and emits the count.</summary>
    private sealed class CountPerKey<TKey> : KeyedProcessFunction<TKey, (long Auction, int Channel), long>
    {
        private IValueState<long> _count = null!;

        public override void Open() => _count = RuntimeContext.GetState(new ValueStateDescriptor<long>("count"));

        public override void ProcessElement((long Auction, int Channel) value, Context context, ICollector<long> output)
        {
            var count = _count.Value() + 1;
            _count.Update(count);
            output.Collect(count);
        }
    }

    /// <summary>Counts what the operator emits.</summary>
    private sealed class CountingOutput : IOutput<long>
    {
        public long Records { get; private set; }

        public void Collect(in StreamRecord<long> record) => Records++;

        public void Collect<TSide>(OutputTag<TSide> tag, in StreamRecord<TSide> record) { }

        public void EmitWatermark(long watermark) { }

        public void EmitWatermarkStatus(bool idle) { }
    }
}
