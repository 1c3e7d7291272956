using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ActorStream.Graph.Serialization;

/// <summary>
/// The default for user types without a registered serializer (records, classes, structs): System.Text.Json,
/// written as a length-prefixed UTF-8 document. Matching by member name is what makes added and removed
/// members restorable; see docs/state-serialization.md.
/// </summary>
public sealed class JsonFallbackSerializer<T> : ITypeSerializer<T>
{
    // Public fields included (tuples); NaN and infinities allowed; state classes that encapsulate (a private setter,
    // a get-only list filled by methods) round-trip instead of silently losing those members.
    private static readonly JsonSerializerOptions Options = new()
    {
        IncludeFields = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { UseNonPublicSetters } },
    };

    /// <inheritdoc />
    public void Serialize(T value, BinaryWriter writer)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value, Options);
        writer.WriteCount(json.Length);
        writer.Write(json);
    }

    /// <inheritdoc />
    public T Deserialize(BinaryReader reader)
    {
        var json = reader.ReadExactBytes(reader.ReadCount());
        return JsonSerializer.Deserialize<T>(json, Options)!;
    }

    /// <summary>Lets public properties with a non-public setter be restored (System.Text.Json skips them by default).</summary>
    private static void UseNonPublicSetters(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
            return;
        foreach (var property in type.Properties)
        {
            if (property.Set is null && property.AttributeProvider is PropertyInfo { SetMethod: { IsPublic: false } setter })
                property.Set = (target, value) => setter.Invoke(target, [value]);
        }
    }
}
