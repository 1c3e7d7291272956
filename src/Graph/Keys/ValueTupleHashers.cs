using System.Reflection;

namespace ActorStream.Graph.Keys;

/// <summary>
/// Typed hashes of value tuples of one to seven items: the same value as <see cref="StableKeyHashing.Tuple"/> over
/// <see cref="System.Runtime.CompilerServices.ITuple"/>, but without boxing the tuple and each of its items per key
/// (a keyed edge hashes every record's key).
/// </summary>
internal static class ValueTupleHashers
{
    private const int Seed = 17;

    /// <summary>The typed hasher of the value tuple type <typeparamref name="TKey"/>, or null for an eight-item tuple (with a rest).</summary>
    public static Func<TKey, int>? Create<TKey>()
    {
        var items = typeof(TKey).GetGenericArguments();
        if (items.Length is < 1 or > 7)
            return null; // ValueTuple`8 nests its rest, which ITuple flattens: left to the general path
        var factory = typeof(ValueTupleHashers).GetMethod("Of" + items.Length, BindingFlags.NonPublic | BindingFlags.Static)!;
        return (Func<TKey, int>)factory.MakeGenericMethod(items).Invoke(null, null)!;
    }

    private static int Add<T>(int hash, T item) => unchecked(hash * 31 + StableKeyHash<T>.Hash(item));

    private static Func<ValueTuple<T1>, int> Of1<T1>() => t => Add(Seed, t.Item1);

    private static Func<(T1, T2), int> Of2<T1, T2>() => t => Add(Add(Seed, t.Item1), t.Item2);

    private static Func<(T1, T2, T3), int> Of3<T1, T2, T3>() => t => Add(Add(Add(Seed, t.Item1), t.Item2), t.Item3);

    private static Func<(T1, T2, T3, T4), int> Of4<T1, T2, T3, T4>() =>
        t => Add(Add(Add(Add(Seed, t.Item1), t.Item2), t.Item3), t.Item4);

    private static Func<(T1, T2, T3, T4, T5), int> Of5<T1, T2, T3, T4, T5>() =>
        t => Add(Add(Add(Add(Add(Seed, t.Item1), t.Item2), t.Item3), t.Item4), t.Item5);

    private static Func<(T1, T2, T3, T4, T5, T6), int> Of6<T1, T2, T3, T4, T5, T6>() =>
        t => Add(Add(Add(Add(Add(Add(Seed, t.Item1), t.Item2), t.Item3), t.Item4), t.Item5), t.Item6);

    private static Func<(T1, T2, T3, T4, T5, T6, T7), int> Of7<T1, T2, T3, T4, T5, T6, T7>() =>
        t => Add(Add(Add(Add(Add(Add(Add(Seed, t.Item1), t.Item2), t.Item3), t.Item4), t.Item5), t.Item6), t.Item7);
}
