namespace ActorStream.Graph.Windowing;

/// <summary>Turns every FIRE of the nested trigger into FIRE_AND_PURGE: each evaluation starts from an empty window.</summary>
public sealed class PurgingTrigger : Trigger
{
    private PurgingTrigger(Trigger nested) => Nested = nested;

    /// <summary>The trigger whose firings purge.</summary>
    public Trigger Nested { get; }

    /// <summary>Purges whenever <paramref name="nested"/> fires.</summary>
    public static PurgingTrigger Of(Trigger nested) => new(nested ?? throw new ArgumentNullException(nameof(nested)));

    /// <summary>Purges whenever the typed <paramref name="nested"/> fires.</summary>
    public static PurgingTrigger<T, W> Of<T, W>(Trigger<T, W> nested) where W : Window =>
        new(nested ?? throw new ArgumentNullException(nameof(nested)));

    /// <inheritdoc />
    public override TriggerResult OnElement(long timestamp, Window window, ITriggerContext context) =>
        Purging(Nested.OnElement(timestamp, window, context));

    /// <inheritdoc />
    public override TriggerResult OnEventTime(long time, Window window, ITriggerContext context) =>
        Purging(Nested.OnEventTime(time, window, context));

    /// <inheritdoc />
    public override TriggerResult OnProcessingTime(long time, Window window, ITriggerContext context) =>
        Purging(Nested.OnProcessingTime(time, window, context));

    /// <inheritdoc />
    public override void Clear(Window window, ITriggerContext context) => Nested.Clear(window, context);

    /// <inheritdoc />
    public override bool CanMerge => Nested.CanMerge;

    /// <inheritdoc />
    public override void OnMerge(Window window, IOnMergeContext context) => Nested.OnMerge(window, context);

    /// <inheritdoc />
    public override string ToString() => $"PurgingTrigger({Nested})";

    internal static TriggerResult Purging(TriggerResult result) => result.IsFire() ? TriggerResult.FireAndPurge : result;
}
