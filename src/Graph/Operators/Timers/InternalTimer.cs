namespace ActorStream.Graph.Operators.Timers;

/// <summary>A timer of one key in one namespace (a window, or nothing for process functions).</summary>
public readonly record struct InternalTimer<TKey, TNamespace>(long Timestamp, TKey Key, TNamespace Namespace);

/// <summary>The namespace of timers that belong to no window.</summary>
public readonly record struct VoidNamespace
{
    /// <summary>The single value.</summary>
    public static readonly VoidNamespace Instance;
}

/// <summary>Receives the timers that fire.</summary>
public interface ITriggerable<TKey, TNamespace>
{
    /// <summary>An event-time timer fired; the current key is already set to the timer's key.</summary>
    void OnEventTime(InternalTimer<TKey, TNamespace> timer);

    /// <summary>A processing-time timer fired; the current key is already set to the timer's key.</summary>
    void OnProcessingTime(InternalTimer<TKey, TNamespace> timer);
}
