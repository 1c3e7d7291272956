namespace ActorStream.Graph.State;

/// <summary>
/// Restored sections whose state or timer service the operator has not registered yet, per key-group slot.
/// They are handed over at registration, and written back unchanged by snapshots until then, so that a
/// state the operator registers late (or in a later version) loses nothing. A key group restored from a base
/// and deltas keeps every section of the chain, in order.
/// </summary>
internal sealed class PendingSections(int slots)
{
    private readonly Dictionary<string, Pending> _byName = new(StringComparer.Ordinal);

    /// <summary>Keeps <paramref name="section"/> of slot <paramref name="slot"/>.</summary>
    public void Add(int slot, RestoredSection section)
    {
        if (!_byName.TryGetValue(section.Name, out var pending))
            _byName.Add(section.Name, pending = new Pending(section.Kind, section.Type, new List<(bool, byte[])>?[slots]));
        else if (pending.Kind != section.Kind || pending.Type != section.Type)
            throw new InvalidDataException(
                $"Restored key groups disagree on '{section.Name}': stored as {section.Type} (kind {section.Kind}) and as {pending.Type} (kind {pending.Kind}).");
        (pending.Payloads[slot] ??= []).Add((section.Changes, section.Payload));
    }

    /// <summary>
    /// Hands what is pending under <paramref name="name"/> to <paramref name="load"/> (kind, type, slot, payload, whether it
    /// holds changes), slot by slot and in order. If loading fails, it all stays pending, so that a corrected registration
    /// can still restore it.
    /// </summary>
    public void HandOver(string name, Action<byte, string, int, byte[], bool> load)
    {
        if (!_byName.TryGetValue(name, out var pending))
            return;
        for (var slot = 0; slot < pending.Payloads.Length; slot++)
        {
            foreach (var (changes, payload) in pending.Payloads[slot] ?? [])
                load(pending.Kind, pending.Type, slot, payload, changes);
        }
        _byName.Remove(name);
    }

    /// <summary>True when restored sections named <paramref name="name"/> wait for their registration.</summary>
    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>The pending sections of slot <paramref name="slot"/>, written back unchanged.</summary>
    public IEnumerable<KeyGroupSection> SectionsOf(int slot)
    {
        foreach (var (name, pending) in _byName)
        {
            foreach (var (changes, payload) in pending.Payloads[slot] ?? [])
                yield return new KeyGroupSection(name, pending.Kind, pending.Type, w => w.Write(payload), changes);
        }
    }

    /// <summary>A state's or timer service's restored payloads, by slot, oldest first (a base, then changes).</summary>
    private sealed record Pending(byte Kind, string Type, List<(bool Changes, byte[] Payload)>?[] Payloads);
}
