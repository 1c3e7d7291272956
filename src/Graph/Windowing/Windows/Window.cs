namespace ActorStream.Graph.Windowing;

/// <summary>A group of elements a window function is applied to; windows are values and serve as state namespaces.</summary>
public abstract record Window
{
    /// <summary>The largest timestamp that still belongs to the window.</summary>
    public abstract long MaxTimestamp { get; }
}
