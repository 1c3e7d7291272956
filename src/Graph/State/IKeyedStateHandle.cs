namespace ActorStream.Graph.State;

/// <summary>A registered keyed state as the backend lists, snapshots and restores it.</summary>
internal interface IKeyedStateHandle
{
    /// <summary>The state's values.</summary>
    IStateTable Table { get; }

    /// <summary>The state's kind.</summary>
    StateKind Kind { get; }

    /// <summary>The identity of the stored per-key value type (List&lt;T&gt; for a list state, Dictionary&lt;K,V&gt; for a map state).</summary>
    string ValueType { get; }

    /// <summary>Called before slot <paramref name="slot"/> is snapshot (a state with a time-to-live drops expired values).</summary>
    void PrepareSnapshot(int slot);

    /// <summary>True when slot <paramref name="slot"/> holds a value.</summary>
    bool HasEntries(int slot);

    /// <summary>Writes the entries of slot <paramref name="slot"/>.</summary>
    void WriteKeyGroup(int slot, BinaryWriter writer);

    /// <summary>Loads entries written by <see cref="WriteKeyGroup"/> for key group <paramref name="keyGroup"/> into slot <paramref name="slot"/>.</summary>
    void ReadKeyGroup(int slot, int keyGroup, BinaryReader reader);

    /// <summary>How many keys of slot <paramref name="slot"/> hold a value.</summary>
    int CountIn(int slot);

    /// <summary>Starts recording which keys change (from the backend's first snapshot on).</summary>
    void TrackChanges();

    /// <summary>How many keys of slot <paramref name="slot"/> changed since its last snapshot.</summary>
    int ChangedIn(int slot);

    /// <summary>Forgets the changes of slot <paramref name="slot"/> (a full snapshot wrote them).</summary>
    void ClearChanges(int slot);

    /// <summary>Writes the changed keys of slot <paramref name="slot"/> (values of those that hold one, tombstones for the rest) and forgets them.</summary>
    void WriteChanges(int slot, BinaryWriter writer);

    /// <summary>Applies changes written by <see cref="WriteChanges"/> for key group <paramref name="keyGroup"/> to slot <paramref name="slot"/>.</summary>
    void ReadChanges(int slot, int keyGroup, BinaryReader reader);
}

/// <summary>A state whose values can be changed in place (a list or map held in it), so the writer must say so.</summary>
internal interface IInPlaceMutable
{
    /// <summary>Marks the current key's key group changed.</summary>
    void MarkCurrentChanged();
}
