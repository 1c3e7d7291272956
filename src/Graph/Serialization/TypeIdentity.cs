using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace ActorStream.Graph.Serialization;

/// <summary>
/// The name a checkpoint records for a state's value, key or namespace type, so that a restore into a
/// changed type fails with a clear message instead of misreading bytes. Stable across processes and
/// .NET versions: namespace-qualified names without assembly versions, e.g.
/// <c>System.Collections.Generic.List&lt;System.Int64&gt;</c>.
/// </summary>
public static partial class TypeIdentity
{
    private static readonly ConcurrentDictionary<Type, string> Cache = new();

    /// <summary>The identity of <paramref name="type"/>.</summary>
    public static string Of(Type type) => Cache.GetOrAdd(type, static t => Append(new StringBuilder(), t).ToString());

    /// <summary>The identity of <typeparamref name="T"/>.</summary>
    public static string Of<T>() => Of(typeof(T));

    private static StringBuilder Append(StringBuilder builder, Type type)
    {
        if (type.IsArray)
            return Append(builder, type.GetElementType()!).Append('[').Append(',', type.GetArrayRank() - 1).Append(']');
        if (type.IsGenericParameter)
            return builder.Append(type.Name);
        var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        // Arity markers go ("List`1" -> "List"), also inside nested names ("Outer`1+Inner").
        builder.Append(Arity().Replace(definition.FullName ?? definition.Name, ""));
        if (!type.IsGenericType)
            return builder;
        builder.Append('<');
        var arguments = type.GetGenericArguments();
        for (var i = 0; i < arguments.Length; i++)
        {
            if (i > 0)
                builder.Append(", ");
            Append(builder, arguments[i]);
        }
        return builder.Append('>');
    }

    [GeneratedRegex(@"`\d+")]
    private static partial Regex Arity();
}
