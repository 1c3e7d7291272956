namespace ActorStream.Graph.Sources;

/// <summary>
/// Walks a reader's sequence splits, always taking the smallest unread index next, so a reader that
/// holds several splits after a rescale still emits in index order (and event time derived from the
/// index stays as ordered as it can).
/// </summary>
public sealed class SequenceCursor(IEnumerable<SequenceSplit> splits)
{
    private readonly List<SequenceSplit> _splits = splits.Where(s => !s.IsEmpty).ToList();

    /// <summary>The unread splits.</summary>
    public int SplitCount => _splits.Count;

    /// <summary>True when every split is read.</summary>
    public bool IsExhausted => _splits.Count == 0;

    /// <summary>
    /// The share of all indices the endless splits hold (the sum of 1/step): a reader whose rate is
    /// the total rate times this advances through the indices as fast as every other reader.
    /// </summary>
    public double EndlessShare => _splits.Where(s => s.Remaining is null).Sum(s => 1.0 / s.Step);

    /// <summary>The next index without taking it; false when every split is read.</summary>
    public bool TryPeek(out long index)
    {
        if (_splits.Count == 0)
        {
            index = 0;
            return false;
        }
        index = _splits[Head()].Next;
        return true;
    }

    /// <summary>Takes the index <see cref="TryPeek"/> returned.</summary>
    public void Advance()
    {
        var head = Head();
        var split = _splits[head];
        if (split.Remaining == 1)
            _splits.RemoveAt(head);
        else
            _splits[head] = split.Skip(1);
    }

    /// <summary>Takes the next index; false when every split is read.</summary>
    public bool TryNext(out long index)
    {
        if (!TryPeek(out index))
            return false;
        Advance();
        return true;
    }

    /// <summary>The position of the split with the smallest next index.</summary>
    private int Head()
    {
        var head = 0;
        for (var i = 1; i < _splits.Count; i++)
        {
            if (_splits[i].Next < _splits[head].Next)
                head = i;
        }
        return head;
    }

    /// <summary>The unread splits as reader state.</summary>
    public byte[] SnapshotState() => SequenceSplits.Write(_splits);
}
