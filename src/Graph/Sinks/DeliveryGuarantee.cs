namespace ActorStream.Graph;

/// <summary>What a sink promises about its output after a failure (Flink's DeliveryGuarantee).</summary>
public enum DeliveryGuarantee
{
    /// <summary>Records written since the last flush may be lost after a failure.</summary>
    None,

    /// <summary>Every checkpoint flushes: nothing is lost, records after the restored checkpoint may appear twice.</summary>
    AtLeastOnce,

    /// <summary>Output becomes visible when a checkpoint completes, once (two-phase commit bound to checkpoints).</summary>
    ExactlyOnce,
}
