using ActorStream.Graph.Operators;
using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Plan;

/// <summary>
/// A lazy description of one step of the user's program. The DataStream API only builds these;
/// the planner turns them into a stream graph and a job graph.
/// </summary>
public abstract class Transformation
{
    private protected Transformation(int id, string name, StreamType outputType)
    {
        Id = id;
        Name = name;
        OutputType = outputType;
    }

    /// <summary>The transformation's id, unique within its environment and assigned in program order.</summary>
    public int Id { get; }

    /// <summary>The display name.</summary>
    public string Name { get; set; }

    /// <summary>The user-assigned stable id, used to match state on restore.</summary>
    public string? Uid { get; set; }

    /// <summary>The parallelism, or null for the environment's default.</summary>
    public int? Parallelism { get; set; }

    /// <summary>The max parallelism, or null for the environment's default.</summary>
    public int? MaxParallelism { get; set; }

    /// <summary>How the operator chains with its neighbours.</summary>
    public ChainingStrategy Chaining { get; set; } = ChainingStrategy.Always;

    /// <summary>The slot sharing group the user set, or null to inherit the inputs' group.</summary>
    public string? SlotSharingGroup { get; set; }

    /// <summary>The element type produced.</summary>
    public StreamType OutputType { get; }

    /// <summary>The transformations this one reads from.</summary>
    public abstract IReadOnlyList<Transformation> Inputs { get; }
}

/// <summary>A transformation that runs an operator (sources, one-input operators, sinks).</summary>
public abstract class PhysicalTransformation(int id, string name, StreamType outputType)
    : Transformation(id, name, outputType)
{
    /// <summary>Creates a fresh operator instance for one subtask.</summary>
    public abstract IStreamOperator CreateOperator(PlanSettings settings);

    /// <summary>The element type of input <paramref name="index"/> (0 for one-input operators, 0 or 1 for two-input).</summary>
    public virtual StreamType InputType(int index) =>
        throw new InvalidOperationException($"'{Name}' has no input {index}.");
}

/// <summary>Reads a source.</summary>
public sealed class SourceTransformation<T>(int id, string name, ISource<T> source, WatermarkStrategy<T> watermarks)
    : PhysicalTransformation(id, name, StreamType<T>.Instance), ISourceTransformation
{
    /// <inheritdoc />
    public override IReadOnlyList<Transformation> Inputs => [];

    /// <inheritdoc />
    public Boundedness Boundedness => source.Boundedness;

    /// <inheritdoc />
    public int? SourceMaxParallelism => source.MaxParallelism;

    /// <inheritdoc />
    public override IStreamOperator CreateOperator(PlanSettings settings) =>
        new SourceOperator<T>(source, watermarks, settings.AutoWatermarkInterval == TimeSpan.Zero);
}

/// <summary>The untyped view of a source transformation.</summary>
public interface ISourceTransformation
{
    /// <summary>Whether the source ends.</summary>
    Boundedness Boundedness { get; }

    /// <summary>The source's own limit on parallelism, if any.</summary>
    int? SourceMaxParallelism { get; }
}

/// <summary>Runs a one-input operator (map, filter, process, keyed aggregation, sink, ...).</summary>
public sealed class OneInputTransformation(
    int id, string name, Transformation input, StreamType inputType, StreamType outputType,
    Func<PlanSettings, IStreamOperator> createOperator, bool isKeyed = false, bool isSink = false)
    : PhysicalTransformation(id, name, outputType)
{
    /// <summary>A transformation whose operator does not depend on the job's settings.</summary>
    public OneInputTransformation(int id, string name, Transformation input, StreamType inputType, StreamType outputType,
        Func<IStreamOperator> createOperator, bool isKeyed = false, bool isSink = false)
        : this(id, name, input, inputType, outputType, _ => createOperator(), isKeyed, isSink)
    {
    }

    private readonly StreamType _inputType = inputType;

    /// <inheritdoc />
    public override StreamType InputType(int index) => index == 0 ? _inputType : base.InputType(index);

    /// <summary>True when the operator uses keyed state (its input is partitioned by key).</summary>
    public bool IsKeyed { get; } = isKeyed;

    /// <summary>True for sinks.</summary>
    public bool IsSink { get; } = isSink;

    /// <inheritdoc />
    public override IReadOnlyList<Transformation> Inputs => [input];

    /// <inheritdoc />
    public override IStreamOperator CreateOperator(PlanSettings settings) => createOperator(settings);
}

/// <summary>Changes how records travel to the next operator (keyBy, rebalance, broadcast).</summary>
public sealed class PartitionTransformation(int id, Transformation input, StreamPartitioner partitioner)
    : Transformation(id, partitioner.Name, input.OutputType)
{
    /// <summary>The partitioner of the edges out of this transformation.</summary>
    public StreamPartitioner Partitioner { get; } = partitioner;

    /// <inheritdoc />
    public override IReadOnlyList<Transformation> Inputs => [input];
}

/// <summary>Merges streams of the same type.</summary>
public sealed class UnionTransformation(int id, IReadOnlyList<Transformation> inputs)
    : Transformation(id, "Union", inputs[0].OutputType)
{
    /// <inheritdoc />
    public override IReadOnlyList<Transformation> Inputs => inputs;
}

/// <summary>Selects the side output <see cref="Tag"/> of its input.</summary>
public sealed class SideOutputTransformation(int id, Transformation input, OutputTag tag, StreamType outputType)
    : Transformation(id, $"SideOutput({tag.Id})", outputType)
{
    /// <summary>The side output selected.</summary>
    public OutputTag Tag { get; } = tag;

    /// <inheritdoc />
    public override IReadOnlyList<Transformation> Inputs => [input];
}
