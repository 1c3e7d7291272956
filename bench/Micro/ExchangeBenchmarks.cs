using ActorStream.Actors.Exchange;
using ActorStream.Graph.Keys;
using ActorStream.Graph.Plan;
using ActorStream.Graph.Runtime;
using BenchmarkDotNet.Attributes;

namespace ActorStream.Bench.Micro;

/// <summary>
/// The network exchange between two subtasks of one node, without the actor mailboxes: a keyed <see cref="RecordWriter{T}"/>
/// batches records per channel into <see cref="OutputChannel"/>s, which deliver against credits to one
/// <see cref="InputGate"/> per receiving subtask; the receivers dequeue each batch, read its records, release it and
/// return the credit. Reported per record.
/// </summary>
[MemoryDiagnoser]
public class ExchangeBenchmarks
{
    private const int Records = 100_000;
    private const int Keys = 10_000;

    private StreamRecord<long>[] _records = [];
    private RecordWriter<long> _writer = null!;
    private InputGate[] _gates = [];

    /// <summary>Receiving subtasks: the writer's channels.</summary>
    [Params(1, 2)]
    public int Channels { get; set; }

    /// <summary>Records per batch: the planner's default is 1,024.</summary>
    [Params(1024)]
    public int BatchSize { get; set; }

    /// <summary>Wires the writer to the gates through loopback references, with the planner's 2 initial credits per channel.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _records = Enumerable.Range(0, Records).Select(i => new StreamRecord<long>(i % Keys, 1_000L + i / 10)).ToArray();
        var settings = new PlanSettings();
        RecordWriter<long>? writer = null;
        var credits = new LoopbackActorRef("sender", message =>
        {
            var credit = (Credit)message;
            writer!.AddCredit(credit.OutputChannel, credit.Amount);
        });
        _gates = new InputGate[Channels];
        var channels = new OutputChannel[Channels];
        for (var c = 0; c < Channels; c++)
        {
            _gates[c] = new InputGate([(credits, 0, c, 0)]);
            var gate = _gates[c];
            channels[c] = new OutputChannel(new LoopbackActorRef($"receiver-{c}", message => gate.Enqueue((IChannelMessage)message)), 0);
        }
        var selector = new KeyGroupStreamPartitioner<long, long>(value => value)
            .CreateSelector<long>(Channels, senderIndex: 0, KeyGroupRangeAssignment.DefaultMaxParallelism);
        _writer = writer = new RecordWriter<long>(channels, selector, BatchSize);
        foreach (var gate in _gates)
            gate.GrantInitialCredits(settings.CreditsPerChannel);
    }

    /// <summary>Writes every record, draining the receivers whenever the writer runs out of credit, then flushes.</summary>
    [Benchmark(OperationsPerInvoke = Records)]
    public long WriteAndReceive()
    {
        long sum = 0;
        foreach (ref readonly var record in _records.AsSpan())
        {
            _writer.ProcessElement(in record);
            if (!_writer.IsAvailable)
                sum += Drain();
        }
        _writer.FlushAll();
        return sum + Drain();
    }

    /// <summary>What the receiving subtasks do per batch: read the records, release the array, return the credit.</summary>
    private long Drain()
    {
        long sum = 0;
        var progress = true;
        while (progress)
        {
            progress = false;
            foreach (var gate in _gates)
            {
                while (gate.TryDequeue(out var message))
                {
                    progress = true;
                    if (message is not DataBatch { Batch: RecordBatch<long> batch })
                        continue;
                    foreach (ref readonly var record in batch.Records)
                        sum += record.Value;
                    batch.Release();
                    gate.ReturnCredit(message.Channel);
                }
            }
        }
        return sum;
    }
}
