namespace ActorStream.Graph.Runtime;

/// <summary>Readable C# names for types, for plans and error messages.</summary>
public static class TypeNames
{
    /// <summary>Returns e.g. <c>ValueTuple&lt;String, Int64&gt;</c> rather than the CLR's mangled name.</summary>
    public static string Readable(Type type)
    {
        if (!type.IsGenericType)
            return type.Name;
        var name = type.Name[..type.Name.IndexOf('`')];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Readable))}>";
    }
}
