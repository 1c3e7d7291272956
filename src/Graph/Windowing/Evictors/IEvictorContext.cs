namespace ActorStream.Graph.Windowing;

/// <summary>What an evictor can see while it evicts.</summary>
public interface IEvictorContext
{
    /// <summary>The current processing time, in epoch milliseconds.</summary>
    long CurrentProcessingTime { get; }

    /// <summary>The operator's current watermark.</summary>
    long CurrentWatermark { get; }
}
