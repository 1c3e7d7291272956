namespace ActorStream.Graph;

/// <summary>How a job executes, as in Flink's execution.runtime-mode.</summary>
public enum RuntimeExecutionMode
{
    /// <summary>Continuous processing: keyed aggregations emit every update.</summary>
    Streaming,

    /// <summary>Bounded processing: keyed aggregations emit only their final value per key.</summary>
    Batch,

    /// <summary>Batch when every source is bounded, streaming otherwise (the default).</summary>
    Automatic,
}
