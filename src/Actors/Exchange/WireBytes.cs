namespace ActorStream.Actors.Exchange;

/// <summary>
/// Bytes a subtask's batches took on the wire to other nodes, added by the serializer on the remoting thread
/// (hence interlocked) and read by the subtask's metrics. Batches to subtasks on the same node pass by
/// reference and cost no bytes.
/// </summary>
public sealed class WireBytes
{
    private long _total;

    /// <summary>The bytes so far.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Adds one serialized batch.</summary>
    public void Add(long bytes) => Interlocked.Add(ref _total, bytes);
}
