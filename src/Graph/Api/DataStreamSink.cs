using ActorStream.Graph.Plan;

namespace ActorStream.Graph;

/// <summary>The end of a stream: a sink operator whose properties can still be set.</summary>
public sealed class DataStreamSink<T>
{
    internal DataStreamSink(OneInputTransformation transformation) => Transformation = transformation;

    /// <summary>The sink's transformation.</summary>
    public OneInputTransformation Transformation { get; }

    /// <summary>Sets the sink's parallelism.</summary>
    public DataStreamSink<T> SetParallelism(int parallelism)
    {
        if (parallelism < 1)
            throw new ArgumentOutOfRangeException(nameof(parallelism), parallelism, "Parallelism must be at least 1.");
        Transformation.Parallelism = parallelism;
        return this;
    }

    /// <summary>Sets the sink's stable id.</summary>
    public DataStreamSink<T> Uid(string uid)
    {
        Transformation.Uid = uid;
        return this;
    }

    /// <summary>Sets the sink's display name.</summary>
    public DataStreamSink<T> Name(string name)
    {
        Transformation.Name = name;
        return this;
    }

    /// <summary>Puts the sink in slot sharing group <paramref name="name"/> (see <see cref="DataStream{T}.SlotSharingGroup"/>).</summary>
    public DataStreamSink<T> SlotSharingGroup(string name)
    {
        Transformation.SlotSharingGroup = Plan.SlotSharingGroup.Check(name);
        return this;
    }

    /// <summary>Runs the sink in its own subtask.</summary>
    public DataStreamSink<T> DisableChaining()
    {
        Transformation.Chaining = ChainingStrategy.Never;
        return this;
    }
}
