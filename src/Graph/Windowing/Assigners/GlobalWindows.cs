namespace ActorStream.Graph.Windowing;

/// <summary>Puts all elements of a key into the one <see cref="GlobalWindow"/>; it fires only with a custom trigger or at the end of input.</summary>
public sealed class GlobalWindows : WindowAssigner<GlobalWindow>
{
    private static readonly GlobalWindow[] Single = [GlobalWindow.Instance];

    private readonly Trigger _defaultTrigger;

    private GlobalWindows(Trigger defaultTrigger) => _defaultTrigger = defaultTrigger;

    /// <summary>The global-window assigner; its default trigger never fires.</summary>
    public static GlobalWindows Create() => new(NeverTrigger.Instance);

    /// <summary>
    /// The global-window assigner whose default trigger fires once when the input ends (the final watermark of a
    /// bounded input), in BATCH and STREAMING jobs alike (Flink's GlobalWindows.createWithEndOfStreamTrigger).
    /// </summary>
    public static GlobalWindows CreateWithEndOfStreamTrigger() => new(EndOfStreamTrigger.Instance);

    /// <inheritdoc />
    public override IReadOnlyList<GlobalWindow> AssignWindows(long timestamp, IWindowAssignerContext context) => Single;

    internal override void AssignWindows(long timestamp, IWindowAssignerContext context, AssignedWindows<GlobalWindow> windows) =>
        windows.SetSingle(GlobalWindow.Instance);

    /// <inheritdoc />
    public override Trigger DefaultTrigger => _defaultTrigger;

    /// <inheritdoc />
    public override bool IsEventTime => false;

    /// <inheritdoc />
    public override string ToString() => "GlobalWindows()";
}
