namespace ActorStream.Graph.Windowing;

/// <summary>What an assigner may ask of the operator while assigning windows.</summary>
public interface IWindowAssignerContext
{
    /// <summary>The current processing time, in epoch milliseconds.</summary>
    long CurrentProcessingTime { get; }
}
