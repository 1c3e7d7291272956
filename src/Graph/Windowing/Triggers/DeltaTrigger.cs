using ActorStream.Graph.Serialization;

namespace ActorStream.Graph.Windowing;

/// <summary>Creates <see cref="DeltaTrigger{T,W}"/>s.</summary>
public static class DeltaTrigger
{
    /// <summary>
    /// Fires when <paramref name="delta"/>(last fired element, element) exceeds <paramref name="threshold"/> (Flink's
    /// DeltaTrigger.of); the last element is kept in window state written by <paramref name="serializer"/>
    /// (null: <c>TypeSerializers.Get&lt;T&gt;()</c>).
    /// </summary>
    public static DeltaTrigger<T, W> Of<T, W>(double threshold, Func<T, T, double> delta, ITypeSerializer<T>? serializer = null)
        where W : Window =>
        new(threshold, delta ?? throw new ArgumentNullException(nameof(delta)), serializer);
}

/// <summary>
/// Fires when the delta between the element the window last fired on (or its first element) and a new element
/// exceeds <see cref="Threshold"/>; that element becomes the new reference. Created by <see cref="DeltaTrigger.Of{T,W}"/>.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
/// <typeparam name="W">The window type.</typeparam>
public sealed class DeltaTrigger<T, W> : Trigger<T, W> where W : Window
{
    private readonly Func<T, T, double> _delta;
    private readonly ValueStateDescriptor<T> _lastElement;

    internal DeltaTrigger(double threshold, Func<T, T, double> delta, ITypeSerializer<T>? serializer)
    {
        if (double.IsNaN(threshold))
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The delta threshold must be a number.");
        Threshold = threshold;
        _delta = delta;
        _lastElement = new ValueStateDescriptor<T>("last-element") { Serializer = serializer };
    }

    /// <summary>The trigger fires when a delta is above this.</summary>
    public double Threshold { get; }

    /// <inheritdoc />
    public override TriggerResult OnElement(T element, long timestamp, W window, ITriggerContext context)
    {
        var lastElement = context.GetPartitionedState(_lastElement);
        if (!lastElement.TryGetValue(out var last))
        {
            lastElement.Update(element);
            return TriggerResult.Continue;
        }
        if (_delta(last, element) <= Threshold)
            return TriggerResult.Continue;
        lastElement.Update(element);
        return TriggerResult.Fire;
    }

    /// <inheritdoc />
    public override TriggerResult OnEventTime(long time, W window, ITriggerContext context) => TriggerResult.Continue;

    /// <inheritdoc />
    public override TriggerResult OnProcessingTime(long time, W window, ITriggerContext context) => TriggerResult.Continue;

    /// <inheritdoc />
    public override void Clear(W window, ITriggerContext context) => context.GetPartitionedState(_lastElement).Clear();

    /// <inheritdoc />
    public override string ToString() => $"DeltaTrigger({Threshold})";
}
