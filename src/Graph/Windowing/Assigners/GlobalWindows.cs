namespace ActorStream.Graph.Windowing;

/// <summary>Puts all elements of a key into the one <see cref="GlobalWindow"/>; it fires only with a custom trigger.</summary>
public sealed class GlobalWindows : WindowAssigner<GlobalWindow>
{
    private static readonly GlobalWindow[] Single = [GlobalWindow.Instance];

    private GlobalWindows()
    {
    }

    /// <summary>The global-window assigner; its default trigger never fires.</summary>
    public static GlobalWindows Create() => new();

    /// <inheritdoc />
    public override IReadOnlyList<GlobalWindow> AssignWindows(long timestamp, IWindowAssignerContext context) => Single;

    /// <inheritdoc />
    public override Trigger DefaultTrigger => NeverTrigger.Instance;

    /// <inheritdoc />
    public override bool IsEventTime => false;

    /// <inheritdoc />
    public override string ToString() => "GlobalWindows()";
}
