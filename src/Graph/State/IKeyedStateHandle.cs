namespace ActorStream.Graph.State;

/// <summary>A registered keyed state as the backend lists, snapshots and restores it.</summary>
internal interface IKeyedStateHandle : IKeyGroupSection
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
}

/// <summary>A state whose values can be changed in place (a list or map held in it), so the writer must say so.</summary>
internal interface IInPlaceMutable
{
    /// <summary>Marks the current key's key group changed.</summary>
    void MarkCurrentChanged();
}
