namespace ActorStream.Graph;

/// <summary>Receives the watermarks a generator emits.</summary>
public interface IWatermarkOutput
{
    /// <summary>Emits a watermark; values that do not advance event time are ignored.</summary>
    void EmitWatermark(long watermark);
}

/// <summary>Generates watermarks from the events a source reads and/or periodically.</summary>
public interface IWatermarkGenerator<in T>
{
    /// <summary>Called for every event with its assigned timestamp.</summary>
    void OnEvent(T value, long timestamp, IWatermarkOutput output);

    /// <summary>Called every auto-watermark interval.</summary>
    void OnPeriodicEmit(IWatermarkOutput output);
}
