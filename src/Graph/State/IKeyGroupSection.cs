namespace ActorStream.Graph.State;

/// <summary>
/// One section of a key group's snapshot, as the keyed backend writes and restores it slot by slot: a state's entries or
/// a timer service's timers, whole or as the changes since the slot's last snapshot.
/// </summary>
internal interface IKeyGroupSection
{
    /// <summary>Writes the entries of slot <paramref name="slot"/>.</summary>
    void WriteKeyGroup(int slot, BinaryWriter writer);

    /// <summary>Loads entries written by <see cref="WriteKeyGroup"/> for key group <paramref name="keyGroup"/> into slot <paramref name="slot"/>.</summary>
    void ReadKeyGroup(int slot, int keyGroup, BinaryReader reader);

    /// <summary>How many entries (keys with a value, or timers) slot <paramref name="slot"/> holds.</summary>
    int CountIn(int slot);

    /// <summary>Starts recording which entries change (from the backend's first snapshot on).</summary>
    void TrackChanges();

    /// <summary>How many entries of slot <paramref name="slot"/> changed (written, removed, fired) since its last snapshot.</summary>
    int ChangedIn(int slot);

    /// <summary>Forgets the changes of slot <paramref name="slot"/> (a full snapshot wrote them).</summary>
    void ClearChanges(int slot);

    /// <summary>Writes the changed entries of slot <paramref name="slot"/> (those still present, tombstones for the rest) and forgets them.</summary>
    void WriteChanges(int slot, BinaryWriter writer);

    /// <summary>Applies changes written by <see cref="WriteChanges"/> for key group <paramref name="keyGroup"/> to slot <paramref name="slot"/>.</summary>
    void ReadChanges(int slot, int keyGroup, BinaryReader reader);
}
