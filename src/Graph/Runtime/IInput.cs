namespace ActorStream.Graph.Runtime;

/// <summary>Something that consumes a typed stream: an operator's input or a network writer.</summary>
public interface IInput<T> : IWatermarkInput
{
    /// <summary>Processes one record.</summary>
    void ProcessElement(in StreamRecord<T> record);

    /// <summary>Processes a batch that arrived from another subtask; by default record by record.</summary>
    void ProcessBatch(ReadOnlySpan<StreamRecord<T>> batch)
    {
        foreach (ref readonly var record in batch)
            ProcessElement(in record);
    }

    /// <summary>
    /// Processes a batch from a keyed edge together with the key groups the sender computed for it; by default
    /// ignores them. Keyed operators override it to scope state without hashing each key again.
    /// </summary>
    void ProcessBatch(ReadOnlySpan<StreamRecord<T>> batch, BatchKeyGroups keyGroups) => ProcessBatch(batch);
}

/// <summary>Anything that takes watermarks, whatever its element type.</summary>
public interface IWatermarkInput
{
    /// <summary>Advances event time to <paramref name="watermark"/>.</summary>
    void ProcessWatermark(long watermark);

    /// <summary>The input became idle (no watermarks will come for now) or active again.</summary>
    void ProcessWatermarkStatus(bool idle) { }
}
