using System.Buffers;
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
        // Into a reused per-thread buffer, not a new array per value (a snapshot writes thousands); taken while in use,
        // so that a converter that serializes another T on this thread meanwhile gets a buffer of its own.
        var (buffer, json) = t_scratch ?? (new ArrayBufferWriter<byte>(256), new Utf8JsonWriter(Stream.Null, WriterOptions));
        t_scratch = null;
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        JsonSerializer.Serialize(json, value, Options);
        writer.WriteCount(buffer.WrittenCount);
        writer.Write(buffer.WrittenSpan);
        if (buffer.Capacity <= MaxKeptBufferBytes)
            t_scratch = (buffer, json);
    }

    /// <summary>As the writer SerializeToUtf8Bytes makes from <see cref="Options"/> (the serializer validates what it writes).</summary>
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = Options.Encoder, SkipValidation = true };

    /// <summary>A buffer grown past this by one large value is not kept for the next.</summary>
    private const int MaxKeptBufferBytes = 64 * 1024;

    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? t_scratch;

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
