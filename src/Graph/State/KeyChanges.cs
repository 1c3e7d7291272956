namespace ActorStream.Graph.State;

/// <summary>
/// The keys of each key-group slot written since that slot's last snapshot, so that a checkpoint can
/// write just those (with tombstones for the ones gone) instead of the whole key group. Nothing is recorded until
/// <see cref="Enabled"/>: a job without checkpoints pays one branch per write.
/// </summary>
internal sealed class KeyChanges<T>(int slots) where T : notnull
{
    private readonly HashSet<T>?[] _bySlot = new HashSet<T>?[slots];

    /// <summary>True once changes are recorded (from the first snapshot on; every slot's first snapshot is a full one).</summary>
    public bool Enabled { get; set; }

    /// <summary>Records that <paramref name="item"/> of slot <paramref name="slot"/> changed.</summary>
    public void Mark(int slot, T item)
    {
        if (Enabled)
            (_bySlot[slot] ??= []).Add(item);
    }

    /// <summary>How many items of slot <paramref name="slot"/> changed.</summary>
    public int CountIn(int slot) => _bySlot[slot]?.Count ?? 0;

    /// <summary>The changed items of slot <paramref name="slot"/> (empty when none).</summary>
    public IReadOnlyCollection<T> In(int slot) => _bySlot[slot] ?? (IReadOnlyCollection<T>)[];

    /// <summary>Forgets the changes of slot <paramref name="slot"/> (they were written).</summary>
    public void Clear(int slot) => _bySlot[slot]?.Clear();
}
