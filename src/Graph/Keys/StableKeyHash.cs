using System.Runtime.CompilerServices;

namespace ActorStream.Graph.Keys;

/// <summary>
/// A hash of a key that is the same in every process, so that a key lands in the same key group
/// on every node and after every restart. .NET randomizes string hashes per process, so strings
/// (and tuples and records built from them) cannot use GetHashCode.
/// </summary>
/// <remarks>
/// Supported: strings, integral and floating types, bool, char, decimal, Guid, DateTime,
/// DateTimeOffset, TimeSpan, enums, ValueTuples of these, and types implementing
/// <see cref="IStableHashable"/>. Other types fall back to GetHashCode, which must then be
/// deterministic across processes.
/// </remarks>
public static class StableKeyHash<TKey>
{
    private static readonly Func<TKey, int> Hasher = StableKeyHashing.CreateHasher<TKey>();

    /// <summary>The stable hash of <paramref name="key"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Hash(TKey key) => key is null ? 0 : Hasher(key);
}

/// <summary>Implemented by key types that compute their own process-independent hash.</summary>
public interface IStableHashable
{
    /// <summary>A hash that is equal for equal keys in every process.</summary>
    int GetStableHashCode();
}
