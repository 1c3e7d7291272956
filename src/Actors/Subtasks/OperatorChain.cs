using ActorStream.Actors.Exchange;
using ActorStream.Graph;
using ActorStream.Graph.Operators;
using ActorStream.Graph.Plan;
using ActorStream.Graph.Runtime;
using Akka.Actor;

namespace ActorStream.Actors.Subtasks;

/// <summary>
/// The operators of one subtask, wired together: chained operators call each other directly,
/// network edges end in record writers. Built from the immutable job graph (the blueprint).
/// </summary>
internal sealed class OperatorChain
{
    private readonly List<(StreamNode Node, IStreamOperator Operator)> _operators = [];
    private Func<long> _recordsIn = () => 0;

    private OperatorChain() { }

    /// <summary>The operators in chain (topological) order.</summary>
    public IEnumerable<(StreamNode Node, IStreamOperator Operator)> Operators => _operators;

    /// <summary>The writers of the vertex's network outputs, by output edge index.</summary>
    public IReadOnlyList<IRecordWriter> Writers { get; private set; } = [];

    /// <summary>Feeds network input to the head, by input index (none for sources).</summary>
    public IReadOnlyList<IInputProcessor> Inputs { get; private set; } = [];

    /// <summary>The source operator when the chain starts at a source.</summary>
    public ISourceOperator? Source { get; private set; }

    /// <summary>Records read by the source, or received from the network.</summary>
    public long RecordsIn => _recordsIn();

    /// <summary>The output channels of all writers that wait for credit: none means the subtask may produce.</summary>
    public OutputBacklog Backlog { get; } = new();

    /// <summary>Bytes the writers' batches took on the wire to other nodes.</summary>
    public WireBytes SentBytes { get; } = new();

    /// <summary>Records written by sinks in this chain.</summary>
    public long RecordsOut => _operators.Sum(o => o.Operator is ISinkOperator sink ? sink.RecordsWritten : 0);

    /// <summary>Builds the chain of subtask <paramref name="index"/> of <paramref name="vertex"/>.</summary>
    public static OperatorChain Create(JobGraph graph, JobVertex vertex, int index,
        IReadOnlyDictionary<string, IActorRef[]> subtasks, CounterGroup counters, TimeProvider time, IProcessingTimeService processingTime,
        SubtaskMailbox mailbox, bool checkpointing, int remoteBatchBytes)
    {
        var chain = new OperatorChain();
        var settings = graph.Settings;
        var instances = vertex.Chain.ToDictionary(n => n, n => n.Transformation.CreateOperator(settings));
        var writers = vertex.Outputs.Select(edge => CreateWriter(edge, index, subtasks, settings, remoteBatchBytes, chain)).ToList();
        chain.Writers = writers;

        foreach (var node in vertex.Chain)
        {
            var consumers = node.OutEdges.Select(edge => (edge, consumer: ConsumerOf(edge, instances, vertex, writers))).ToList();
            var main = consumers.Where(c => c.edge.SideOutput is null).ToList();
            var output = node.OutputType.Apply(new OutputFactory(
                main.Select(c => c.consumer.Input).ToList(),
                main.Select(c => c.consumer.GuardName).ToArray(),
                consumers.Where(c => c.edge.SideOutput is not null)
                    .GroupBy(c => c.edge.SideOutput!)
                    .ToDictionary(g => g.Key, g => g.Select(c => (IWatermarkInput)Guarded(c.edge, c.consumer)).ToArray())));
            var context = new OperatorContext
            {
                JobName = graph.JobName,
                OperatorName = node.Name,
                OperatorUid = node.Uid,
                SubtaskIndex = index,
                Parallelism = node.Parallelism,
                MaxParallelism = node.MaxParallelism,
                RuntimeMode = graph.RuntimeMode,
                Counters = counters,
                TimeProvider = time,
                ProcessingTime = new GuardedProcessingTimeService(processingTime, node.Name),
                Mailbox = mailbox.For(node.Name),
                CheckpointingEnabled = checkpointing,
            };
            var instance = instances[node];
            node.OutputType.Apply(new SetupOperator(instance, context, output));
            chain._operators.Add((node, instance));
            if (node == vertex.Head && output is IEmittedCount emitted && instance is ISourceOperator source)
            {
                chain.Source = source;
                chain._recordsIn = () => emitted.Emitted;
            }
        }

        if (!vertex.IsSource)
        {
            var head = vertex.Head;
            var inputCount = head.Transformation is TwoInputTransformation ? 2 : 1;
            var processors = Enumerable.Range(0, inputCount).Select(index =>
            {
                var input = instances[head] is ITwoInputOperator twoInput ? twoInput.Input(index) : (object)instances[head];
                return new CountingInputProcessor(head.Transformation.InputType(index).Apply(new InputProcessorFactory(input, head.Name)));
            }).ToList();
            chain.Inputs = processors;
            chain._recordsIn = () => processors.Sum(p => p.Received);
        }
        return chain;
    }

    /// <summary>What consumes <paramref name="edge"/>: a chained operator (named, to attribute its exceptions) or a writer.</summary>
    private static (object Input, string? GuardName) ConsumerOf(StreamEdge edge, Dictionary<StreamNode, IStreamOperator> instances,
        JobVertex vertex, List<IRecordWriter> writers)
    {
        if (instances.TryGetValue(edge.Target, out var chained) && JobGraphBuilder.IsChainable(edge))
            return (chained, edge.Target.Name);
        var index = vertex.Outputs.FindIndex(o => ReferenceEquals(o.StreamEdge, edge));
        return (writers[index], null);
    }

    private static object Guarded(StreamEdge edge, (object Input, string? GuardName) consumer) =>
        consumer.GuardName is { } name ? edge.Type.Apply(new GuardFactory(consumer.Input, name)) : consumer.Input;

    private static IRecordWriter CreateWriter(JobEdge edge, int index, IReadOnlyDictionary<string, IActorRef[]> subtasks, PlanSettings settings,
        int remoteBatchBytes, OperatorChain chain)
    {
        var targets = subtasks[edge.Target.Id];
        var channels = Enumerable.Range(0, edge.ChannelsOf(index))
            .Select(ch => new OutputChannel(targets[edge.TargetSubtask(index, ch)], ChannelLayout.TargetChannel(edge, index, ch), chain.SentBytes))
            .ToArray();
        return edge.StreamEdge.Type.Apply(new WriterFactory(channels, edge, index, settings, remoteBatchBytes, chain.Backlog));
    }

    private sealed class WriterFactory(OutputChannel[] channels, JobEdge edge, int index, PlanSettings settings, int remoteBatchBytes,
        OutputBacklog backlog)
        : IStreamTypeFunc<IRecordWriter>
    {
        public IRecordWriter Invoke<T>() => new RecordWriter<T>(channels,
            edge.Partitioner.IsBroadcast ? null : edge.Partitioner.CreateSelector<T>(edge, channels.Length, index),
            settings.BatchSize, remoteBatchBytes, backlog, settings.LocalBatchBytes);
    }

    private sealed class GuardFactory(object target, string name) : IStreamTypeFunc<object>
    {
        public object Invoke<T>() => new GuardedInput<T>((IInput<T>)target, name);
    }

    private sealed class OutputFactory(List<object> main, string?[] guardNames, Dictionary<OutputTag, IWatermarkInput[]> side) : IStreamTypeFunc<object>
    {
        public object Invoke<T>() => new ChainOutput<T>([.. main.Cast<IInput<T>>()], guardNames, side);
    }

    private sealed class SetupOperator(IStreamOperator instance, OperatorContext context, object output) : IStreamTypeFunc<bool>
    {
        public bool Invoke<T>()
        {
            ((StreamOperator<T>)instance).Setup(context, (IOutput<T>)output);
            return true;
        }
    }

    private sealed class InputProcessorFactory(object head, string name) : IStreamTypeFunc<IInputProcessor>
    {
        public IInputProcessor Invoke<T>() => new InputProcessor<T>(new GuardedInput<T>((IInput<T>)head, name));
    }

    private sealed class CountingInputProcessor(IInputProcessor inner) : IInputProcessor
    {
        public long Received { get; private set; }

        public void Process(IRecordBatch batch)
        {
            Received += batch.Count;
            inner.Process(batch);
        }

        public void ProcessWatermark(long watermark) => inner.ProcessWatermark(watermark);

        public void ProcessWatermarkStatus(bool idle) => inner.ProcessWatermarkStatus(idle);
    }
}
