namespace ActorStream.Graph.State;

/// <summary>A timer service as the keyed backend snapshots and restores it, one key-group slot at a time.</summary>
internal interface IKeyGroupTimers
{
    /// <summary>The service's stable name within its operator.</summary>
    string Name { get; }

    /// <summary>The identity of the timers' namespace type.</summary>
    string NamespaceType { get; }

    /// <summary>True when slot <paramref name="slot"/> holds a timer.</summary>
    bool HasTimers(int slot);

    /// <summary>Writes the timers of slot <paramref name="slot"/>.</summary>
    void WriteKeyGroup(int slot, BinaryWriter writer);

    /// <summary>Loads timers written by <see cref="WriteKeyGroup"/> for key group <paramref name="keyGroup"/> into slot <paramref name="slot"/>.</summary>
    void ReadKeyGroup(int slot, int keyGroup, BinaryReader reader);

    /// <summary>How many timers slot <paramref name="slot"/> holds.</summary>
    int CountIn(int slot);

    /// <summary>Starts recording which timers change (from the backend's first snapshot on).</summary>
    void TrackChanges();

    /// <summary>How many timers of slot <paramref name="slot"/> were registered, deleted or fired since its last snapshot.</summary>
    int ChangedIn(int slot);

    /// <summary>Forgets the changes of slot <paramref name="slot"/> (a full snapshot wrote them).</summary>
    void ClearChanges(int slot);

    /// <summary>Writes the changed timers of slot <paramref name="slot"/> (those still registered, tombstones for the rest) and forgets them.</summary>
    void WriteChanges(int slot, BinaryWriter writer);

    /// <summary>Applies changes written by <see cref="WriteChanges"/> for key group <paramref name="keyGroup"/> to slot <paramref name="slot"/>.</summary>
    void ReadChanges(int slot, int keyGroup, BinaryReader reader);
}
