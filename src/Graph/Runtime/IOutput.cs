namespace ActorStream.Graph.Runtime;

/// <summary>Where an operator emits its records, side outputs and watermarks.</summary>
public interface IOutput<T>
{
    /// <summary>Emits a record to the main output.</summary>
    void Collect(in StreamRecord<T> record);

    /// <summary>Emits a record to the side output named by <paramref name="tag"/>.</summary>
    void Collect<TSide>(OutputTag<TSide> tag, in StreamRecord<TSide> record);

    /// <summary>Emits a watermark to every output.</summary>
    void EmitWatermark(long watermark);

    /// <summary>Tells every output that this stream became idle or active again.</summary>
    void EmitWatermarkStatus(bool idle) { }
}
