namespace ActorStream.Graph.State;

/// <summary>
/// The broadcast states of one operator subtask and their checkpoint form: operator state in the key-group
/// blob's section format, one map section per state. Every subtask holds the same maps, so a restore takes
/// any one subtask's copy. Restored maps the operator has not asked for yet stay pending and are written back
/// unchanged, as keyed state does.
/// </summary>
internal sealed class BroadcastStates(IReadOnlyList<StateDescriptor> declared)
{
    private const string Marker = "broadcast-state";
    private readonly Dictionary<string, IBroadcastStateHandle> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RestoredSection> _pending = new(StringComparer.Ordinal);

    /// <summary>The state of <paramref name="descriptor"/>, created (with its restored entries) on first use; it must be declared.</summary>
    public HeapBroadcastState<TKey, TValue> GetOrCreate<TKey, TValue>(MapStateDescriptor<TKey, TValue> descriptor) where TKey : notnull
    {
        if (_states.TryGetValue(descriptor.Name, out var existing))
            return existing as HeapBroadcastState<TKey, TValue> ?? throw new InvalidOperationException(
                $"Broadcast state '{descriptor.Name}' was declared with other key or value types.");
        if (!declared.Any(d => d.Name == descriptor.Name))
            throw new InvalidOperationException(
                $"Broadcast state '{descriptor.Name}' was not declared: pass its descriptor to Broadcast(...) on the broadcast stream.");
        var state = new HeapBroadcastState<TKey, TValue>(descriptor);
        if (_pending.TryGetValue(descriptor.Name, out var restored))
        {
            if (restored.Type != state.MapType)
                throw new InvalidOperationException(
                    $"Cannot restore broadcast state '{descriptor.Name}': the checkpoint holds it as {restored.Type}, but it is declared as {state.MapType}.");
            try
            {
                using var reader = new BinaryReader(new MemoryStream(restored.Payload, writable: false));
                state.Read(reader);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"Cannot restore broadcast state '{descriptor.Name}': {e.Message}", e);
            }
            _pending.Remove(descriptor.Name);
        }
        _states.Add(descriptor.Name, state);
        return state;
    }

    /// <summary>The checkpoint form of every broadcast state; null when there is none.</summary>
    public byte[]? Snapshot()
    {
        if (_states.Count == 0 && _pending.Count == 0)
            return null;
        List<KeyGroupSection> sections = [.. _states.Select(s => new KeyGroupSection(s.Key, (byte)StateKind.Map, s.Value.MapType, s.Value.Write))];
        sections.AddRange(_pending.Values.Select(p => new KeyGroupSection(p.Name, p.Kind, p.Type, w => w.Write(p.Payload))));
        return KeyGroupBlob.Write(Marker, sections, []);
    }

    /// <summary>Restores from the operator states of the previous run's subtasks: all hold the same maps, so the first is taken.</summary>
    public void Restore(IReadOnlyList<byte[]> restored)
    {
        if (restored.Count == 0)
            return;
        var (marker, _, sections, _) = KeyGroupBlob.Read(restored[0]);
        if (marker != Marker)
            throw new InvalidDataException($"The restored operator state is not broadcast state (it is marked '{marker}').");
        foreach (var section in sections)
            _pending[section.Name] = section;
    }
}
