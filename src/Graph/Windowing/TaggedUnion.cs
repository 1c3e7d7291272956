namespace ActorStream.Graph.Windowing;

/// <summary>An element of one of two streams, so both can share one keyed window (Flink's TaggedUnion).</summary>
public readonly record struct TaggedUnion<T1, T2>(bool IsOne, T1 One, T2 Two)
{
    /// <summary>An element of the first stream.</summary>
    public static TaggedUnion<T1, T2> First(T1 value) => new(true, value, default!);

    /// <summary>An element of the second stream.</summary>
    public static TaggedUnion<T1, T2> Second(T2 value) => new(false, default!, value);
}
