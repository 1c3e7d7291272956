namespace ActorStream.Actors.Interop;

/// <summary>
/// Records sent to an actor source's front actor. The sender gets an <see cref="ActorSourceAck"/> once the job holds
/// them for good: with checkpoints, after the checkpoint that includes them completed; without, once the job read them.
/// </summary>
public sealed record ActorSourceBatch<T>(IReadOnlyList<T> Records);

/// <summary>The batch the sender sent is in the job: it may forget it.</summary>
public sealed record ActorSourceAck
{
    /// <summary>The single instance.</summary>
    public static readonly ActorSourceAck Instance = new();
}

/// <summary>The front holds as many unacknowledged records as it may: send again after an acknowledgement came.</summary>
public sealed record ActorSourceBusy(int Capacity);

/// <summary>The reader of a (re)started job attaches; <paramref name="Committed"/> is what its checkpoint covered.</summary>
internal sealed record AttachReader(Guid Epoch, long Committed);

/// <summary>The front's answer to <see cref="AttachReader"/>: its epoch, and the generation of this reader (a later attach supersedes it).</summary>
internal sealed record ReaderAttached(Guid Epoch, int Generation);

/// <summary>The reader of <paramref name="Generation"/> asks for up to <paramref name="MaxRecords"/> records; the front answers when it has some.</summary>
internal sealed record PullRecords(int MaxRecords, int Generation);

/// <summary>Batches for the reader, numbered by the front (within its epoch).</summary>
internal sealed record PulledBatches<T>(Guid Epoch, IReadOnlyList<(long Seq, IReadOnlyList<T> Records)> Batches);

/// <summary>Every batch up to <paramref name="Seq"/> is in a completed checkpoint (or read, without checkpoints): acknowledge them.</summary>
internal sealed record CommitBatches(Guid Epoch, long Seq);
