using ActorStream.Graph.State;

namespace ActorStream.Graph.Operators.Windowing;

/// <summary>What the operator offers a window function about the window being evaluated or cleared.</summary>
internal interface IInternalWindowContext
{
    long CurrentProcessingTime { get; }

    long CurrentWatermark { get; }

    IKeyedStateStore WindowState { get; }

    IKeyedStateStore GlobalState { get; }

    void Output<TSide>(OutputTag<TSide> tag, TSide value);
}
