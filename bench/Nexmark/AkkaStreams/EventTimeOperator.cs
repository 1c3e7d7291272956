using ActorStream.Bench.Nexmark.Model;

namespace ActorStream.Bench.Nexmark.AkkaStreams;

/// <summary>
/// The event-time logic that an <see cref="EventTimeStage{TOut}"/> runs: one instance per materialization, called
/// for each event and each time the watermark advances; the stage pushes the rows it emits downstream in order.
/// </summary>
public abstract class EventTimeOperator<TOut>
{
    /// <summary>The rows emitted and not yet pushed downstream, oldest first.</summary>
    internal Queue<TOut> Pending { get; } = new();

    /// <summary>Handles <paramref name="e"/>, which arrives while the watermark stands at <paramref name="watermark"/>.</summary>
    public abstract void ProcessEvent(Event e, long watermark);

    /// <summary>Fires what <paramref name="watermark"/> has reached; <see cref="long.MaxValue"/> at the end of input.</summary>
    public abstract void AdvanceWatermark(long watermark);

    /// <summary>Emits <paramref name="row"/> downstream, after the rows emitted before it.</summary>
    protected void Emit(TOut row) => Pending.Enqueue(row);
}
