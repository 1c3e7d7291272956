using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text.RegularExpressions;
using ActorStream.Graph.Serialization;

namespace ActorStream.Actors.Serialization;

/// <summary>
/// Finds the type a <see cref="TypeIdentity"/> names among the loaded assemblies, e.g.
/// <c>System.ValueTuple&lt;System.String, System.Int64&gt;</c>. In application mode every node runs the
/// same program, so the record types of a job are loaded wherever its subtasks run. Types are indexed
/// by name once; assemblies loaded later are indexed when a name is not found. A name that several
/// assemblies have (compiler-generated anonymous types, for one) fails with a clear error unless this
/// process sent such a batch itself.
/// </summary>
internal static partial class TypeIdentityResolver
{
    private static readonly ConcurrentDictionary<string, Type> Resolved = new(StringComparer.Ordinal);
    private static readonly Dictionary<(string Name, int Arity), List<Type>> Index = [];
    private static readonly HashSet<Assembly> Indexed = [];
    private static readonly Lock IndexLock = new();

    /// <summary>Remembers <paramref name="type"/> under its identity (the sending side knows it already).</summary>
    public static void Remember(Type type) => Resolved.TryAdd(TypeIdentity.Of(type), type);

    /// <summary>The type named <paramref name="identity"/>; throws when no loaded assembly has it.</summary>
    public static Type Resolve(string identity) => Resolved.GetOrAdd(identity, static id =>
    {
        var position = 0;
        var type = Parse(id, ref position);
        if (position != id.Length)
            throw new SerializationException($"Cannot parse the type identity '{id}' (unexpected '{id[position]}' at {position}).");
        return type;
    });

    /// <summary>Parses one type: a name, optional generic arguments, optional array ranks.</summary>
    private static Type Parse(string id, ref int position)
    {
        var name = ParseName(id, ref position);
        var arguments = new List<Type>();
        if (position < id.Length && id[position] == '<')
        {
            do
            {
                position++;
                while (position < id.Length && id[position] == ' ')
                    position++;
                arguments.Add(Parse(id, ref position));
            }
            while (position < id.Length && id[position] == ',');
            Expect(id, ref position, '>');
        }
        var definition = Find(name, arguments.Count)
            ?? throw new SerializationException($"No loaded assembly has the type '{name}' with {arguments.Count} type arguments (from '{id}').");
        var type = arguments.Count == 0 ? definition : definition.MakeGenericType([.. arguments]);
        while (position < id.Length && id[position] == '[')
        {
            position++;
            var rank = 1;
            for (; position < id.Length && id[position] == ','; position++)
                rank++;
            Expect(id, ref position, ']');
            type = rank == 1 ? type.MakeArrayType() : type.MakeArrayType(rank);
        }
        return type;
    }

    /// <summary>
    /// A namespace-qualified name. A '&lt;' that starts a name segment belongs to a compiler-generated
    /// name (<c>&lt;&gt;f__AnonymousType0</c>); anywhere else it opens the generic arguments.
    /// </summary>
    private static string ParseName(string id, ref int position)
    {
        var start = position;
        while (position < id.Length)
        {
            var c = id[position];
            if (c == '<' && (position == start || id[position - 1] is '.' or '+'))
            {
                for (var depth = 0; position < id.Length; position++)
                {
                    depth += id[position] switch { '<' => 1, '>' => -1, _ => 0 };
                    if (depth == 0)
                        break;
                }
                position++;
                continue;
            }
            if (c is '<' or '>' or ',' or '[' or ']')
                break;
            position++;
        }
        return position > start ? id[start..position] : throw new SerializationException($"Cannot parse the type identity '{id}': a name is missing at {start}.");
    }

    private static void Expect(string id, ref int position, char expected)
    {
        if (position >= id.Length || id[position] != expected)
            throw new SerializationException($"Cannot parse the type identity '{id}': expected '{expected}' at {position}.");
        position++;
    }

    private static Type? Find(string name, int arity)
    {
        List<Type>? candidates;
        lock (IndexLock)
        {
            // Not indexed yet: the assembly may have been loaded since the last look.
            if (!Index.TryGetValue((name, arity), out candidates) && IndexNewAssemblies())
                Index.TryGetValue((name, arity), out candidates);
        }
        return candidates switch
        {
            null => null,
            [var single] => single,
            _ => throw new SerializationException($"The type name '{name}' is ambiguous: assemblies {string.Join(", ", candidates.Select(c => c.Assembly.GetName().Name))} " +
                "all have it. Give records sent between subtasks a namespaced type of their own."),
        };
    }

    private static bool IndexNewAssemblies()
    {
        var added = false;
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (assembly.IsDynamic || !Indexed.Add(assembly))
                continue;
            added = true;
            foreach (var type in LoadableTypes(assembly))
            {
                if (type.FullName is not { } fullName)
                    continue;
                var key = (Arity().Replace(fullName, ""), type.IsGenericTypeDefinition ? type.GetGenericArguments().Length : 0);
                if (Index.TryGetValue(key, out var types))
                    types.Add(type);
                else
                    Index.Add(key, [type]);
            }
        }
        return added;
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }

    [GeneratedRegex(@"`\d+")]
    private static partial Regex Arity();
}
