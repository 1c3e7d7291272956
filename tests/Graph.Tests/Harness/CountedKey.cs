using ActorStream.Graph.Keys;

namespace ActorStream.Graph.Tests.Harness;

/// <summary>Counts the hashes of the <see cref="CountedKey"/>s made with it: one per test, so tests running at once do not mix counts.</summary>
public sealed class HashCounter
{
    private int _hashes;

    /// <summary>How often keys of this counter were hashed.</summary>
    public int Hashes => Volatile.Read(ref _hashes);

    /// <summary>A key of this counter.</summary>
    public CountedKey Key(int id) => new(id, this);

    internal void Count() => Interlocked.Increment(ref _hashes);
}

/// <summary>A key that counts on its <see cref="HashCounter"/> how often it is hashed, to show where a key group was computed.</summary>
public sealed record CountedKey(int Id, HashCounter Counter) : IStableHashable
{
    /// <inheritdoc />
    public int GetStableHashCode()
    {
        Counter.Count();
        return Id * 7919;
    }
}
