using System.Runtime.CompilerServices;

namespace ActorStream.Graph.Keys;

/// <summary>Builds the per-type hash functions behind <see cref="StableKeyHash{TKey}"/>.</summary>
internal static class StableKeyHashing
{
    public static Func<TKey, int> CreateHasher<TKey>()
    {
        var type = typeof(TKey);
        if (type == typeof(string))
            return (Func<TKey, int>)(object)(Func<string, int>)String;
        if (typeof(IStableHashable).IsAssignableFrom(type))
            return key => ((IStableHashable)key!).GetStableHashCode();
        if (type.IsEnum || type.IsPrimitive || type == typeof(decimal) || type == typeof(Guid)
            || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan))
            return key => key!.GetHashCode(); // value-based and deterministic for these types
        if (type.IsGenericType && type.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal))
            return ValueTupleHashers.Create<TKey>() ?? (key => Tuple((ITuple)key!));
        // Dispatch on the runtime type: a string typed as object (or an interface) must still hash stably.
        return key => Object(key!);
    }

    /// <summary>Java's String.hashCode over UTF-16 code units: stable and cheap.</summary>
    public static int String(string s)
    {
        var h = 0;
        foreach (var c in s)
            h = unchecked(31 * h + c);
        return h;
    }

    /// <summary>Combines the items' hashes: 17, then h * 31 + item for each item (0 for null), flattening a ValueTuple's TRest.</summary>
    public static int Tuple(ITuple tuple)
    {
        var h = 17;
        for (var i = 0; i < tuple.Length; i++)
            h = unchecked(h * 31 + (tuple[i] is { } item ? Object(item) : 0));
        return h;
    }

    private static int Object(object value) => value switch
    {
        string s => String(s),
        IStableHashable s => s.GetStableHashCode(),
        ITuple t => Tuple(t),
        _ => value.GetHashCode(),
    };
}
