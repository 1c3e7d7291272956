namespace ActorStream.Graph.Windowing;

/// <summary>The single window that holds all elements of a key; it never ends.</summary>
public sealed record GlobalWindow : Window
{
    private GlobalWindow()
    {
    }

    /// <summary>The only instance.</summary>
    public static GlobalWindow Instance { get; } = new();

    /// <summary>long.MaxValue: the window never ends, so it is never cleaned up by time.</summary>
    public override long MaxTimestamp => long.MaxValue;

    /// <inheritdoc />
    public override string ToString() => "GlobalWindow";
}
