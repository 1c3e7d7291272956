using ActorStream.Graph.Runtime;
using ActorStream.Graph.Serialization;

namespace ActorStream.Graph.State;

/// <summary>
/// Base of the heap states with a time-to-live (Flink's AbstractTtlState): values are stored with their last-access
/// time. Expired values are dropped when a read finds them, a few stored keys per access (a cursor walks the table),
/// before each snapshot of a key group, and after a restore.
/// </summary>
internal abstract class HeapTtlState<TKey, TStored>(
    HeapKeyedStateBackend<TKey> backend, string name, ITypeSerializer<TStored> serializer, StateTtlConfig ttl)
    : HeapState<TKey, TStored>(backend, name, serializer) where TKey : notnull
{
    // Empty slots the incremental cleanup may skip per access before it gives up until the next one.
    private const int MaxEmptySlotsPerStep = 16;
    private readonly long _ttl = (long)ttl.Ttl.TotalMilliseconds;
    private int _cursorSlot = -1;
    private List<TKey>? _cursorKeys;
    private int _cursorIndex;

    /// <summary>True when reads restart the time-to-live.</summary>
    protected bool UpdateOnRead => ttl.UpdateType == TtlUpdateType.OnReadAndWrite;

    /// <summary>True when the read that finds an expired value still returns it.</summary>
    protected bool ReturnExpired => ttl.StateVisibility == TtlStateVisibility.ReturnExpiredIfNotCleanedUp;

    /// <summary>The last-access time a write records now.</summary>
    protected long Stamp => Backend.TtlStamp(ttl.TimeCharacteristic);

    /// <summary>True when a value last accessed at <paramref name="lastAccess"/> has expired.</summary>
    protected bool IsExpired(long lastAccess)
    {
        var now = Backend.TtlNow(ttl.TimeCharacteristic);
        // Int128: both times may be near long.MinValue (no watermark yet) or long.MaxValue (end of input).
        return now != Watermarks.Min && (Int128)now - lastAccess >= _ttl;
    }

    /// <summary>Drops the expired parts of <paramref name="stored"/> in place and says what is left.</summary>
    protected abstract TtlPurge Purge(TStored stored);

    /// <summary>Runs one step of incremental cleanup; every public operation of a TTL state calls it first.</summary>
    protected void OnAccess()
    {
        if (ttl.IncrementalCleanupSize > 0)
            CleanupIncrementally(ttl.IncrementalCleanupSize);
    }

    public override void PrepareSnapshot(int slot)
    {
        if (ttl.CleanupFullSnapshot)
            PurgeSlot(slot);
    }

    protected override void AfterRestore(int slot) => PurgeSlot(slot);

    private void PurgeSlot(int slot)
    {
        List<TKey>? dead = null;
        foreach (var (key, stored) in Table.EntriesIn(slot))
        {
            var result = Purge(stored);
            if (result == TtlPurge.Remove)
                (dead ??= []).Add(key);
            else if (result == TtlPurge.Changed)
                MarkExpired(slot, key);
        }
        dead?.ForEach(key => RemoveExpired(slot, key));
    }

    private void CleanupIncrementally(int budget)
    {
        var slots = Backend.Groups.Range.Count;
        var emptySlots = 0;
        while (budget > 0)
        {
            if (_cursorKeys is null || _cursorIndex >= _cursorKeys.Count)
            {
                if (emptySlots++ == MaxEmptySlotsPerStep)
                    return;
                _cursorSlot = (_cursorSlot + 1) % slots;
                _cursorKeys = Table.KeysIn(_cursorSlot);
                _cursorIndex = 0;
                continue;
            }
            var key = _cursorKeys[_cursorIndex++];
            budget--;
            if (!Table.TryGet(_cursorSlot, key, out var stored))
                continue;
            var result = Purge(stored);
            if (result == TtlPurge.Remove)
                RemoveExpired(_cursorSlot, key);
            else if (result == TtlPurge.Changed)
                MarkExpired(_cursorSlot, key);
            if (result != TtlPurge.Keep)
                Backend.MarkDirty(_cursorSlot);
        }
    }
}

/// <summary>
/// Base of the TTL states that keep one value per key (value, reducing, aggregating state): the read that finds an
/// expired value removes it (and returns it only with <see cref="TtlStateVisibility.ReturnExpiredIfNotCleanedUp"/>).
/// </summary>
internal abstract class HeapTtlSingleState<TKey, T>(HeapKeyedStateBackend<TKey> backend, string name, ITypeSerializer<T> serializer, StateTtlConfig ttl)
    : HeapTtlState<TKey, TtlValue<T>>(backend, name, new TtlValueSerializer<T>(serializer), ttl) where TKey : notnull
{
    /// <summary>Reads the current key's value as a user read does: expired values go, reads may restart the TTL.</summary>
    protected bool TryRead(out T value)
    {
        OnAccess();
        if (!TryGetCurrent(out var stored))
        {
            value = default!;
            return false;
        }
        if (IsExpired(stored.LastAccess))
        {
            Clear();
            value = ReturnExpired ? stored.Value : default!;
            return ReturnExpired;
        }
        if (UpdateOnRead)
            SetCurrent(stored with { LastAccess = Stamp });
        value = stored.Value;
        return true;
    }

    /// <summary>The current key's value when it has not expired (for writes that build on it; never restarts the TTL).</summary>
    protected bool TryGetLive(out T value)
    {
        OnAccess();
        var live = TryGetCurrent(out var stored) && !IsExpired(stored.LastAccess);
        value = live ? stored.Value : default!;
        return live;
    }

    /// <summary>Writes the current key's value, restarting its TTL.</summary>
    protected void Write(T value) => SetCurrent(new TtlValue<T>(value, Stamp));

    protected override TtlPurge Purge(TtlValue<T> stored) => IsExpired(stored.LastAccess) ? TtlPurge.Remove : TtlPurge.Keep;
}
