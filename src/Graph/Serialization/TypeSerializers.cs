using System.Collections.Concurrent;
using System.Reflection;
using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Serialization;

/// <summary>
/// The serializer of each type that goes into checkpoints: registered ones first, then the compact
/// built-ins (primitives, string, Guid, date and time types, byte[], enums, Nullable, ValueTuple of 2 to 7,
/// List, arrays, Dictionary, windows and window elements), then System.Text.Json for everything else. Thread-safe; each
/// type's serializer is built once.
/// </summary>
public static class TypeSerializers
{
    private static readonly ConcurrentDictionary<Type, object> Registered = new();

    private static readonly MethodInfo GetMethod = typeof(TypeSerializers).GetMethod(nameof(Get), Type.EmptyTypes)!;

    /// <summary>
    /// Makes <paramref name="serializer"/> the serializer of <typeparamref name="T"/>. Register before the job
    /// builds its state: serializers of composite types (List&lt;T&gt;, tuples, ...) built earlier keep the one they had.
    /// </summary>
    public static void Register<T>(ITypeSerializer<T> serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        Registered[typeof(T)] = serializer;
        Volatile.Write(ref Cache<T>.Instance, serializer);
    }

    /// <summary>The serializer of <typeparamref name="T"/>.</summary>
    public static ITypeSerializer<T> Get<T>()
    {
        if (Volatile.Read(ref Cache<T>.Instance) is { } cached)
            return cached;
        var created = Create<T>();
        // A concurrent Register wins over the default built here.
        return Interlocked.CompareExchange(ref Cache<T>.Instance, created, null) ?? created;
    }

    private static ITypeSerializer<T> Create<T>()
    {
        var type = typeof(T);
        var serializer = RegisteredOrBuiltIn(type) ?? Composite(type, Part);
        return serializer as ITypeSerializer<T> ?? new JsonFallbackSerializer<T>();
    }

    /// <summary>The registered or non-generic built-in serializer of <paramref name="type"/>, or null.</summary>
    internal static object? RegisteredOrBuiltIn(Type type) => Registered.GetValueOrDefault(type) ?? BuiltInSerializers.Find(type);

    private static object Part(Type type) => GetMethod.MakeGenericMethod(type).Invoke(null, null)!;

    /// <summary>
    /// The serializer of a generic built-in (enum, Nullable, tuple, collection) of <paramref name="type"/>, or null, made of
    /// its parts' serializers as <paramref name="part"/> gives them (the state's, or the wire's).
    /// </summary>
    internal static object? Composite(Type type, Func<Type, object> part)
    {
        object Of(Type serializer, Type[] arguments) => Make(serializer, arguments, [.. arguments.Select(part)]);

        if (type.IsEnum)
            return Make(typeof(EnumSerializer<>), [type], []);
        if (type.IsSZArray)
            return Of(typeof(ArraySerializer<>), [type.GetElementType()!]);
        if (!type.IsGenericType)
            return null;
        var definition = type.GetGenericTypeDefinition();
        var arguments = type.GetGenericArguments();
        if (definition == typeof(Nullable<>))
            return Of(typeof(NullableSerializer<>), arguments);
        if (definition == typeof(List<>))
            return Of(typeof(ListSerializer<>), arguments);
        if (definition == typeof(Dictionary<,>))
            return Of(typeof(DictionarySerializer<,>), arguments);
        if (definition == typeof(TimestampedValue<>))
            return Of(typeof(TimestampedValueSerializer<>), arguments);
        if (definition == typeof(TaggedUnion<,>))
            return Of(typeof(TaggedUnionSerializer<,>), arguments);
        return TupleSerializer(definition) is { } tuple ? Of(tuple, arguments) : null;
    }

    private static Type? TupleSerializer(Type definition)
    {
        if (definition == typeof(ValueTuple<,>))
            return typeof(ValueTupleSerializer<,>);
        if (definition == typeof(ValueTuple<,,>))
            return typeof(ValueTupleSerializer<,,>);
        if (definition == typeof(ValueTuple<,,,>))
            return typeof(ValueTupleSerializer<,,,>);
        if (definition == typeof(ValueTuple<,,,,>))
            return typeof(ValueTupleSerializer<,,,,>);
        if (definition == typeof(ValueTuple<,,,,,>))
            return typeof(ValueTupleSerializer<,,,,,>);
        if (definition == typeof(ValueTuple<,,,,,,>))
            return typeof(ValueTupleSerializer<,,,,,,>);
        return null;
    }

    private static object Make(Type serializer, Type[] arguments, object[] parts) =>
        Activator.CreateInstance(serializer.MakeGenericType(arguments), parts)!;

    private static class Cache<T>
    {
        public static ITypeSerializer<T>? Instance;
    }
}
