using System.Reflection;

namespace ActorStream.Graph.Serialization;

/// <summary>
/// The serializers of records crossing the network between nodes. A type with a registered or built-in serializer
/// uses it, as in state; a plain data type that state would write as JSON (records, classes and structs of public
/// members) goes as its members in a fixed order instead (<see cref="PositionalSerializer{T}"/>), several times
/// smaller and faster: batches in flight never outlive the build of the job at both ends, so they need no member
/// names. Collections and tuples are made of their parts' wire serializers. Other types keep the JSON fallback.
/// Thread-safe; each type's serializer is built once.
/// </summary>
public static class WireSerializers
{
    private static readonly MethodInfo GetMethod = typeof(WireSerializers).GetMethod(nameof(Get), Type.EmptyTypes)!;

    /// <summary>The types whose serializer this thread is building: a member of such a type (a recursive type) keeps the state serializer.</summary>
    [ThreadStatic]
    private static HashSet<Type>? t_building;

    /// <summary>The wire serializer of <typeparamref name="T"/>.</summary>
    public static ITypeSerializer<T> Get<T>()
    {
        if (Volatile.Read(ref Cache<T>.Instance) is { } cached)
            return cached;
        if (t_building?.Contains(typeof(T)) == true)
            return TypeSerializers.Get<T>(); // not cached: the type's own serializer is still being built
        var created = Create<T>();
        return Interlocked.CompareExchange(ref Cache<T>.Instance, created, null) ?? created;
    }

    private static ITypeSerializer<T> Create<T>()
    {
        if (TypeSerializers.RegisteredOrBuiltIn(typeof(T)) is not null)
            return TypeSerializers.Get<T>();
        var building = t_building ??= [];
        building.Add(typeof(T));
        try
        {
            // Collections and tuples of the state's kinds, made of their parts' wire serializers (a list of records
            // carries positional records); then plain data; else the state's JSON.
            return TypeSerializers.Composite(typeof(T), MemberSerializer) as ITypeSerializer<T>
                ?? PositionalSerializer<T>.TryCreate(MemberSerializer)
                ?? TypeSerializers.Get<T>();
        }
        finally
        {
            building.Remove(typeof(T));
        }
    }

    private static object MemberSerializer(Type type) => GetMethod.MakeGenericMethod(type).Invoke(null, null)!;

    private static class Cache<T>
    {
        public static ITypeSerializer<T>? Instance;
    }
}
