using System.Collections.Concurrent;
using ActorStream.Actors.Exchange;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.Serialization;

namespace ActorStream.Actors.Serialization;

/// <summary>
/// Writes and reads the records of a <see cref="RecordBatch{T}"/> with the record type's
/// <see cref="WireSerializers"/> serializer. One codec per record type, made by reflection once and
/// cached: by batch type on the sending side, by manifest on the receiving side. The manifest is
/// <see cref="ManifestPrefix"/> followed by the record type's <see cref="TypeIdentity"/>.
/// </summary>
internal abstract class RecordBatchCodec
{
    /// <summary>How the manifest of a data batch starts.</summary>
    public const string ManifestPrefix = "DB:";

    private static readonly ConcurrentDictionary<Type, RecordBatchCodec> ByBatchType = new();
    private static readonly ConcurrentDictionary<string, RecordBatchCodec> ByManifest = new(StringComparer.Ordinal);

    /// <summary>The manifest of batches of this codec's record type.</summary>
    public abstract string Manifest { get; }

    /// <summary>The record type.</summary>
    public abstract Type RecordType { get; }

    /// <summary>The codec of <paramref name="batch"/>'s record type.</summary>
    public static RecordBatchCodec Of(IRecordBatch batch) => ByBatchType.GetOrAdd(batch.GetType(), static batchType =>
    {
        if (!batchType.IsGenericType || batchType.GetGenericTypeDefinition() != typeof(RecordBatch<>))
            throw new ArgumentException($"Cannot serialize the record batch type {batchType}: only RecordBatch<T> goes over the wire.");
        var recordType = batchType.GetGenericArguments()[0];
        TypeIdentityResolver.Remember(recordType);
        return ByManifest.GetOrAdd(ManifestPrefix + TypeIdentity.Of(recordType), _ => Create(recordType));
    });

    /// <summary>The codec of a data batch manifest.</summary>
    public static RecordBatchCodec Of(string manifest) => ByManifest.GetOrAdd(manifest, static m =>
        Create(TypeIdentityResolver.Resolve(m[ManifestPrefix.Length..])));

    /// <summary>Writes the records of <paramref name="batch"/>.</summary>
    public abstract void Write(WireWriter writer, IRecordBatch batch);

    /// <summary>Reads records into a new batch on a pooled array (released by whoever processes it).</summary>
    public abstract IRecordBatch Read(WireReader reader);

    private static RecordBatchCodec Create(Type recordType) =>
        (RecordBatchCodec)Activator.CreateInstance(typeof(Typed<>).MakeGenericType(recordType))!;

    /// <summary>
    /// Records are written as a count, a flag telling whether any record has a timestamp, then each
    /// value followed (when flagged) by its timestamp as a varint delta from the previous one:
    /// timestamps in a batch are close together, so deltas take a byte or two.
    /// </summary>
    private sealed class Typed<T> : RecordBatchCodec
    {
        private readonly ITypeSerializer<T> _values = WireSerializers.Get<T>();

        public override string Manifest { get; } = ManifestPrefix + TypeIdentity.Of<T>();

        public override Type RecordType => typeof(T);

        public override void Write(WireWriter writer, IRecordBatch batch)
        {
            var records = ((RecordBatch<T>)batch).Records;
            var timestamped = false;
            foreach (ref readonly var record in records)
                timestamped |= record.HasTimestamp;
            writer.WriteCount(records.Length);
            writer.Write(timestamped);
            var previous = 0L;
            foreach (ref readonly var record in records)
            {
                _values.Serialize(record.Value, writer);
                if (!timestamped)
                    continue;
                // Wrapping arithmetic: the delta from or to NoTimestamp (long.MinValue) round-trips too.
                writer.WriteVarLong(unchecked(record.Timestamp - previous));
                previous = record.Timestamp;
            }
        }

        public override IRecordBatch Read(WireReader reader)
        {
            var count = reader.ReadCount();
            var timestamped = reader.ReadBoolean();
            var records = RecordBatch<T>.RentArray(count);
            var read = 0;
            try
            {
                var previous = 0L;
                for (; read < count; read++)
                {
                    var value = _values.Deserialize(reader);
                    var timestamp = timestamped ? unchecked(previous + reader.ReadVarLong()) : StreamRecord<T>.NoTimestamp;
                    records[read] = new StreamRecord<T>(value, timestamp);
                    previous = timestamp;
                }
                return new RecordBatch<T>(records, count);
            }
            catch
            {
                new RecordBatch<T>(records, read).Release();
                throw;
            }
        }
    }
}
