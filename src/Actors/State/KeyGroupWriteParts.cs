namespace ActorStream.Actors.State;

/// <summary>
/// Key-group writes larger than a remote message, in parts. Unlike the generic message parts (which serialize the whole
/// message to cut it), the parts are slices of the write's data: sent to an entity on this node they are never copied or
/// serialized, and the entity copies each slice once into the write it assembles.
/// </summary>
public static class KeyGroupWriteParts
{
    /// <summary>
    /// The messages that carry <paramref name="write"/>: itself when its data fits <paramref name="partBytes"/>, else
    /// <see cref="WriteKeyGroupStatePart"/>s of at most <paramref name="partBytes"/> bytes each, in order.
    /// </summary>
    public static IEnumerable<IKeyGroupStateCommand> Of(WriteKeyGroupState write, int partBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partBytes, 1);
        var data = write.Data;
        if (data.Length <= partBytes)
        {
            yield return write;
            yield break;
        }
        for (var offset = 0; offset < data.Length; offset += partBytes)
        {
            yield return new WriteKeyGroupStatePart(write.CheckpointId, write.Retained, write.LatestCompleted, write.BasedOn,
                data.Length, offset, new ArraySegment<byte>(data, offset, Math.Min(partBytes, data.Length - offset)));
        }
    }
}
