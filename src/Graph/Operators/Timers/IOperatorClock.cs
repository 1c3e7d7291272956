namespace ActorStream.Graph.Operators.Timers;

/// <summary>An operator's two clocks as its functions see them: processing time and the current watermark.</summary>
internal interface IOperatorClock
{
    /// <summary>The current processing time.</summary>
    long CurrentProcessingTime { get; }

    /// <summary>The last watermark the operator advanced to.</summary>
    long CurrentWatermark { get; }
}
