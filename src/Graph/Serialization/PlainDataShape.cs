using System.Collections;
using System.Reflection;
using System.Text.Json.Serialization;

namespace ActorStream.Graph.Serialization;

/// <summary>
/// How a plain data type (a record, or a class or struct of public properties and fields) is taken apart and put
/// back together: the members the JSON fallback would write, the constructor it would call with some of them, and
/// the members it would set afterwards. A type qualifies only when these members are all of its content as the JSON
/// fallback sees it, so writing them in this fixed order loses nothing that JSON would keep.
/// </summary>
internal sealed record PlainDataShape(ConstructorInfo? Constructor, IReadOnlyList<MemberInfo> ConstructorMembers, IReadOnlyList<MemberInfo> AssignedMembers)
{
    private const BindingFlags Instance = BindingFlags.Public | BindingFlags.Instance;

    /// <summary>Every member in wire order: the constructor's, then the assigned ones.</summary>
    public IEnumerable<MemberInfo> Members => ConstructorMembers.Concat(AssignedMembers);

    /// <summary>The type of a property or field.</summary>
    public static Type TypeOf(MemberInfo member) => member is PropertyInfo property ? property.PropertyType : ((FieldInfo)member).FieldType;

    /// <summary>The shape of <paramref name="type"/>, or null when it is not plain data (then JSON keeps serving it).</summary>
    public static PlainDataShape? Of(Type type)
    {
        if (type.IsAbstract || type.IsInterface || type.IsArray || type.IsPrimitive || type.IsEnum || type.IsPointer ||
            type.IsByRefLike || type.ContainsGenericParameters || type == typeof(string) || typeof(Delegate).IsAssignableFrom(type) ||
            // Collections are JSON arrays, not objects of their properties.
            typeof(IEnumerable).IsAssignableFrom(type) || HasJsonBehaviour(type))
            return null;
        var members = JsonMembers(type);
        if (members is null || members.Count == 0 || members.Any(HasJsonBehaviour) ||
            members.Select(m => m.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != members.Count)
            return null;
        if (JsonConstructor(type) is not (var constructor, var parameters))
            return null;
        var fromConstructor = new List<MemberInfo>();
        foreach (var parameter in parameters)
        {
            // As System.Text.Json binds constructor parameters: by name ignoring case, of the member's very type.
            var member = members.FirstOrDefault(m => string.Equals(m.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
            if (member is null || TypeOf(member) != parameter.ParameterType)
                return null;
            fromConstructor.Add(member);
        }
        var assigned = new List<MemberInfo>();
        foreach (var member in members.Except(fromConstructor))
        {
            if (IsWritable(member))
                assigned.Add(member);
            // A read-only member JSON would fill in place (a get-only list): its content is not the constructor's.
            else if (!TypeOf(member).IsValueType && TypeOf(member) != typeof(string))
                return null;
            // Else a computed or constructor-derived value: JSON writes it and ignores it on reading, so it need not travel.
        }
        return new PlainDataShape(constructor, fromConstructor, assigned);
    }

    /// <summary>The setter of a property, also a non-public one declared on a base type (which the derived type's property does not expose).</summary>
    public static MethodInfo? SetterOf(PropertyInfo property) =>
        property.DeclaringType!.GetProperty(property.Name, Instance | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)?.GetSetMethod(nonPublic: true);

    private static bool IsWritable(MemberInfo member) => member switch
    {
        PropertyInfo property => SetterOf(property) is not null,
        FieldInfo field => !field.IsInitOnly,
        _ => false,
    };

    /// <summary>What the JSON fallback writes: public readable non-indexer properties and public fields (it includes fields).</summary>
    private static List<MemberInfo>? JsonMembers(Type type)
    {
        var members = new List<MemberInfo>();
        foreach (var property in type.GetProperties(Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.GetMethod is { IsPublic: true })
                members.Add(property);
        }
        foreach (var field in type.GetFields(Instance))
            members.Add(field);
        // A non-public member that JSON is told to include would be lost.
        var hidden = type.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic).Cast<MemberInfo>()
            .Concat(type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic));
        return hidden.Any(HasJsonBehaviour) ? null : members;
    }

    /// <summary>
    /// The constructor System.Text.Json would use: the one marked [JsonConstructor], else a public parameterless one, else the
    /// only public one; none for a struct without constructors (its default value).
    /// </summary>
    private static (ConstructorInfo? Constructor, ParameterInfo[] Parameters)? JsonConstructor(Type type)
    {
        var constructors = type.GetConstructors(Instance);
        var marked = constructors.Where(c => c.IsDefined(typeof(JsonConstructorAttribute))).ToArray();
        if (marked.Length == 1)
            return (marked[0], marked[0].GetParameters());
        if (constructors.FirstOrDefault(c => c.GetParameters().Length == 0) is { } parameterless)
            return (parameterless, []);
        if (constructors.Length == 1)
            return (constructors[0], constructors[0].GetParameters());
        // A struct's default value, then its members assigned.
        return type.IsValueType && constructors.Length == 0 ? (null, []) : null;
    }

    /// <summary>
    /// True when System.Text.Json attributes change what is written (ignored or included members, converters, polymorphism,
    /// extension data): the JSON fallback honours them, so the type stays with it. Names and order do not change the content.
    /// </summary>
    private static bool HasJsonBehaviour(MemberInfo member) =>
        member.GetCustomAttributes(inherit: true).Any(a => a.GetType().Namespace == typeof(JsonIgnoreAttribute).Namespace &&
            a is not (JsonPropertyNameAttribute or JsonPropertyOrderAttribute or JsonConstructorAttribute or JsonRequiredAttribute));
}
