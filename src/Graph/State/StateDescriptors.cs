using ActorStream.Graph.Serialization;

namespace ActorStream.Graph;

/// <summary>Names a piece of keyed state; a descriptor's name is unique within its operator.</summary>
public abstract class StateDescriptor(string name)
{
    /// <summary>The state's name.</summary>
    public string Name { get; } = string.IsNullOrWhiteSpace(name)
        ? throw new ArgumentException("A state descriptor needs a non-empty name.", nameof(name))
        : name;

    private StateTtlConfig? _ttl;

    /// <summary>The state's time-to-live, or null when its values never expire.</summary>
    public StateTtlConfig? TtlConfig { get => _ttl; init => _ttl = value; }

    /// <summary>Gives the state a time-to-live (Flink's enableTimeToLive); set it before the state is first requested.</summary>
    public void EnableTimeToLive(StateTtlConfig config) => _ttl = config ?? throw new ArgumentNullException(nameof(config));
}

/// <summary>Describes a <see cref="IValueState{T}"/>; <see cref="DefaultValue"/> is what an unset key reads.</summary>
public sealed class ValueStateDescriptor<T>(string name, T defaultValue = default!) : StateDescriptor(name)
{
    /// <summary>The value read for a key that has none.</summary>
    public T DefaultValue { get; } = defaultValue;

    /// <summary>Writes the value in checkpoints; null for <see cref="TypeSerializers.Get{T}"/>.</summary>
    public ITypeSerializer<T>? Serializer { get; init; }
}

/// <summary>Describes a <see cref="IListState{T}"/>.</summary>
public sealed class ListStateDescriptor<T>(string name) : StateDescriptor(name)
{
    /// <summary>Writes each element in checkpoints; null for <see cref="TypeSerializers.Get{T}"/>.</summary>
    public ITypeSerializer<T>? Serializer { get; init; }
}

/// <summary>Describes a <see cref="IMapState{TKey,TValue}"/> (and broadcast state).</summary>
public sealed class MapStateDescriptor<TKey, TValue>(string name) : StateDescriptor(name) where TKey : notnull
{
    /// <summary>Writes the map keys in checkpoints; null for <see cref="TypeSerializers.Get{T}"/>.</summary>
    public ITypeSerializer<TKey>? KeySerializer { get; init; }

    /// <summary>Writes the map values in checkpoints; null for <see cref="TypeSerializers.Get{T}"/>.</summary>
    public ITypeSerializer<TValue>? Serializer { get; init; }
}

/// <summary>Describes a <see cref="IReducingState{T}"/> that folds added values with <see cref="Reducer"/>.</summary>
public sealed class ReducingStateDescriptor<T>(string name, Func<T, T, T> reducer) : StateDescriptor(name)
{
    /// <summary>Combines the stored value with an added one.</summary>
    public Func<T, T, T> Reducer { get; } = reducer;

    /// <summary>Writes the reduced value in checkpoints; null for <see cref="TypeSerializers.Get{T}"/>.</summary>
    public ITypeSerializer<T>? Serializer { get; init; }
}

/// <summary>Describes an <see cref="IAggregatingState{TIn,TOut}"/> backed by an aggregate function.</summary>
public sealed class AggregatingStateDescriptor<TIn, TAcc, TOut>(string name, IAggregateFunction<TIn, TAcc, TOut> function)
    : StateDescriptor(name)
{
    /// <summary>Creates, updates and reads the accumulator.</summary>
    public IAggregateFunction<TIn, TAcc, TOut> Function { get; } = function;

    /// <summary>Writes the accumulator in checkpoints; null for <see cref="TypeSerializers.Get{T}"/>.</summary>
    public ITypeSerializer<TAcc>? Serializer { get; init; }
}
