using System.Diagnostics.CodeAnalysis;
using System.Text;
using ActorStream.Connectors.Formats;
using Confluent.Kafka;

namespace ActorStream.Connectors.Kafka;

/// <summary>The deserializers most jobs need: a record's value as a UTF-8 string, or as one JSON object.</summary>
public static class KafkaDeserializers
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The value as a UTF-8 string (Flink's SimpleStringSchema); a null value or invalid UTF-8 is malformed.</summary>
    public static IKafkaRecordDeserializer<string> Utf8 { get; } = new Utf8Values();

    /// <summary>
    /// The value as one JSON object of <typeparamref name="T"/> (a JSON line), checked by
    /// <paramref name="validate"/> (null when valid, else why not); anything else is malformed.
    /// </summary>
    public static IKafkaRecordDeserializer<T> JsonLines<T>(Func<T, string?>? validate = null) => new JsonValues<T>(validate);

    /// <summary>The value as text for people: invalid UTF-8 replaced, empty for a null value.</summary>
    public static string TextOf(byte[]? value) => value is null ? "" : Encoding.UTF8.GetString(value);

    private static bool TryText(byte[]? value, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out string? error)
    {
        text = null;
        if (value is null)
        {
            error = "the record has no value (a tombstone)";
            return false;
        }
        try
        {
            text = StrictUtf8.GetString(value);
            error = null;
            return true;
        }
        catch (DecoderFallbackException e)
        {
            error = $"the value is not UTF-8: {e.Message}";
            return false;
        }
    }

    private sealed class Utf8Values : IKafkaRecordDeserializer<string>
    {
        public bool TryDeserialize(ConsumeResult<byte[]?, byte[]?> record, [MaybeNullWhen(false)] out string value, [NotNullWhen(false)] out string? error) =>
            TryText(record.Message.Value, out value, out error);
    }

    private sealed class JsonValues<T>(Func<T, string?>? validate) : IKafkaRecordDeserializer<T>
    {
        public bool TryDeserialize(ConsumeResult<byte[]?, byte[]?> record, [MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out string? error)
        {
            value = default;
            if (!TryText(record.Message.Value, out var text, out error) || !Formats.JsonLines.TryDecode(text, out value, out error))
                return false;
            error = validate?.Invoke(value);
            return error is null;
        }
    }
}
