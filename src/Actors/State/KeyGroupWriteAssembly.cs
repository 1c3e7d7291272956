namespace ActorStream.Actors.State;

/// <summary>
/// Puts a key-group entity's <see cref="WriteKeyGroupStatePart"/>s together again. Parts arrive in order from one writer
/// (sharding keeps a sender's order to an entity); a part that does not continue the write being assembled (one before it
/// was lost, or a newer write started) is dropped with what was assembled so far: the writer sends an unconfirmed write
/// again, from its first part. So one write is assembled at a time, into an array of its final size.
/// </summary>
internal sealed class KeyGroupWriteAssembly
{
    private WriteKeyGroupStatePart? _first;
    private byte[]? _data;
    private int _next;

    /// <summary>Takes <paramref name="part"/>; returns the whole write once its last part arrived, else null.</summary>
    public WriteKeyGroupState? Add(WriteKeyGroupStatePart part)
    {
        if (part.Offset == 0 && part.TotalBytes >= 0)
        {
            _first = part;
            _data = new byte[part.TotalBytes];
            _next = 0;
        }
        if (_first is not { } first || _data is not { } data || !Continues(first, part))
        {
            Reset();
            return null;
        }
        part.Bytes.AsSpan().CopyTo(data.AsSpan(part.Offset));
        _next += part.Bytes.Count;
        if (_next < data.Length)
            return null;
        Reset();
        return new WriteKeyGroupState(first.CheckpointId, data, first.Retained, first.LatestCompleted, first.BasedOn);
    }

    /// <summary>True when <paramref name="part"/> is the next part of the write that <paramref name="first"/> started.</summary>
    private bool Continues(WriteKeyGroupStatePart first, WriteKeyGroupStatePart part) =>
        part.CheckpointId == first.CheckpointId && part.TotalBytes == first.TotalBytes && part.Offset == _next
        && part.Bytes.Count > 0 && part.Bytes.Count <= first.TotalBytes - _next
        && (part.Retained, part.LatestCompleted, part.BasedOn) == (first.Retained, first.LatestCompleted, first.BasedOn);

    private void Reset()
    {
        _first = null;
        _data = null;
        _next = 0;
    }
}
