using System.Collections.Concurrent;

namespace ActorStream.Actors.Exchange;

/// <summary>
/// Keeps batches to other nodes within Akka.Remote's frame size: the serializer reports how many
/// bytes a record of each type took in the batches it wrote, and a record writer sizes its next batch
/// to a remote channel so that it fills at most the node's remote message budget (half a frame, for
/// headers and records larger than the average). Same-node batches pass by reference and keep their size.
/// </summary>
internal static class RemoteBatchSizing
{
    /// <summary>
    /// The most bytes a batch to another node fills, whatever the frame allows: below the large object heap's 85,000
    /// bytes, so that neither its serialized form nor Akka.Remote's copies of it are large objects, whose allocation
    /// counts towards full (gen2) collections. Measured on Nexmark q5 over two nodes: 1,024-record batches of ~150 KB
    /// kept the background GC busy on both nodes.
    /// </summary>
    public const int MaxBatchBytes = 64 * 1024;

    /// <summary>
    /// How many times the batch size a batch to another node may hold when its records are small. A message between nodes
    /// costs the same hand-offs (remote endpoint, socket, event loops, the receiving mailbox) and a frame whatever it carries,
    /// where a batch to this node passes by reference: small records cross in batches of up to the byte budget, as Flink's
    /// network buffers are sized in bytes. Measured on Nexmark q5 over two nodes (8-byte keys, about 4 bytes per record
    /// serialized): 1,024-record batches of 4 KB spent more on the hop than on the records.
    /// </summary>
    public const int RecordsFactor = 16;

    /// <summary>The byte budget of a batch to another node under a node's remote message budget of <paramref name="remoteMessageBytes"/>.</summary>
    public static int BatchBytes(int remoteMessageBytes) => Math.Min(remoteMessageBytes, MaxBatchBytes);

    private static readonly ConcurrentDictionary<Type, double> BytesPerRecord = new();

    /// <summary>Records how many bytes <paramref name="count"/> records of <paramref name="recordType"/> took.</summary>
    public static void Observe(Type recordType, long bytes, int count)
    {
        if (count <= 0)
            return;
        var observed = (double)bytes / count;
        // The larger of the new average and a decayed old one: a batch of big records shrinks the next at once.
        BytesPerRecord.AddOrUpdate(recordType, observed, (_, old) => Math.Max(observed, old * 0.9));
    }

    /// <summary>
    /// How many records of <paramref name="recordType"/> the next batch to another node may hold, at most
    /// <paramref name="batchSize"/>, to stay within <paramref name="maxBatchBytes"/>.
    /// </summary>
    public static int RecordsPerBatch(Type recordType, int batchSize, int maxBatchBytes) =>
        BytesPerRecord.TryGetValue(recordType, out var bytes) && bytes > 0
            ? (int)Math.Clamp(maxBatchBytes / bytes, 1, batchSize)
            // Nothing seen yet: a small first batch measures the records without risking the frame.
            : Math.Min(batchSize, 64);
}
