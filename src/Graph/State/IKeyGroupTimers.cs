namespace ActorStream.Graph.State;

/// <summary>A timer service as the keyed backend snapshots and restores it, one key-group slot at a time.</summary>
internal interface IKeyGroupTimers : IKeyGroupSection
{
    /// <summary>The service's stable name within its operator.</summary>
    string Name { get; }

    /// <summary>The identity of the timers' namespace type.</summary>
    string NamespaceType { get; }

    /// <summary>True when slot <paramref name="slot"/> holds a timer.</summary>
    bool HasTimers(int slot);
}
