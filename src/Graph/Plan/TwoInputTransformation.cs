using ActorStream.Graph.Operators;
using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Plan;

/// <summary>Runs a two-input operator (CoMap, CoProcess, joins): input 0 is the first stream, input 1 the second.</summary>
public sealed class TwoInputTransformation(
    int id, string name, Transformation first, Transformation second, StreamType firstType, StreamType secondType,
    StreamType outputType, Func<IStreamOperator> createOperator, bool isKeyed = false)
    : PhysicalTransformation(id, name, outputType)
{
    /// <summary>True when the operator uses keyed state (both inputs are partitioned by key).</summary>
    public bool IsKeyed { get; } = isKeyed;

    /// <inheritdoc />
    public override IReadOnlyList<Transformation> Inputs => [first, second];

    /// <inheritdoc />
    public override StreamType InputType(int index) => index switch
    {
        0 => firstType,
        1 => secondType,
        _ => base.InputType(index),
    };

    /// <inheritdoc />
    public override IStreamOperator CreateOperator(PlanSettings settings) => createOperator();
}
