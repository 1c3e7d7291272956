namespace ActorStream.Graph.Runtime;

/// <summary>
/// The key groups a sender computed for the records of a batch on a keyed edge, with the key selector it
/// computed them by: a keyed operator whose own selector is that same delegate takes them instead of hashing
/// every key again; any other operator ignores them, so a key group from another key can never be used.
/// </summary>
public readonly ref struct BatchKeyGroups
{
    /// <summary>Wraps <paramref name="groups"/> (one per record) computed by <paramref name="keySelector"/>.</summary>
    public BatchKeyGroups(ReadOnlySpan<int> groups, Delegate keySelector)
    {
        Groups = groups;
        KeySelector = keySelector;
    }

    /// <summary>The key group of each record, in the batch's order.</summary>
    public ReadOnlySpan<int> Groups { get; }

    /// <summary>The key selector the sender partitioned by.</summary>
    public Delegate KeySelector { get; }

    /// <summary>True when the groups were computed with <paramref name="keySelector"/> itself, so they are the groups of its keys.</summary>
    public bool ComputedBy(Delegate keySelector) => ReferenceEquals(KeySelector, keySelector);
}
