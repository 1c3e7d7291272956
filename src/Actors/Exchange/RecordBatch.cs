using System.Buffers;
using System.Runtime.CompilerServices;
using ActorStream.Graph.Runtime;

namespace ActorStream.Actors.Exchange;

/// <summary>The untyped view of a <see cref="RecordBatch{T}"/>.</summary>
public interface IRecordBatch
{
    /// <summary>How many records the batch holds.</summary>
    int Count { get; }

    /// <summary>Returns the records' array to the pool; the batch must not be read afterwards.</summary>
    void Release();
}

/// <summary>
/// Records travelling between two subtasks in one message. Between subtasks of one node the
/// batch is passed by reference: the sender hands its pooled array over and never touches it
/// again; the receiver returns it to the pool once processed.
/// </summary>
public sealed class RecordBatch<T> : IRecordBatch
{
    private static readonly bool ClearOnReturn = RuntimeHelpers.IsReferenceOrContainsReferences<StreamRecord<T>>();
    private StreamRecord<T>[]? _records;
    private int[]? _keyGroups;

    /// <summary>Wraps the first <paramref name="count"/> entries of <paramref name="records"/>.</summary>
    public RecordBatch(StreamRecord<T>[] records, int count)
    {
        _records = records;
        Count = count;
    }

    /// <summary>
    /// Wraps the first <paramref name="count"/> records with their key groups (a pooled array, handed over like the
    /// records), computed by <paramref name="keySelector"/>: a batch of a keyed edge between subtasks of one node.
    /// </summary>
    public RecordBatch(StreamRecord<T>[] records, int[] keyGroups, Delegate keySelector, int count) : this(records, count)
    {
        _keyGroups = keyGroups;
        KeySelector = keySelector;
    }

    /// <summary>The key selector the key groups were computed by; null when the batch carries none (unkeyed edge, or from another node).</summary>
    public Delegate? KeySelector { get; }

    /// <summary>The key group of each record when <see cref="KeySelector"/> is set; empty otherwise.</summary>
    public ReadOnlySpan<int> KeyGroups => _keyGroups is null ? default : _keyGroups.AsSpan(0, Count);

    /// <inheritdoc />
    public int Count { get; }

    /// <summary>The records.</summary>
    public ReadOnlySpan<StreamRecord<T>> Records =>
        (_records ?? throw new InvalidOperationException("The batch was released.")).AsSpan(0, Count);

    /// <summary>A pooled array for a new batch of up to <paramref name="size"/> records.</summary>
    public static StreamRecord<T>[] RentArray(int size) => ArrayPool<StreamRecord<T>>.Shared.Rent(size);

    /// <summary>A pooled array for the key groups of a new batch of up to <paramref name="size"/> records.</summary>
    public static int[] RentKeyGroups(int size) => ArrayPool<int>.Shared.Rent(size);

    /// <summary>Returns the array to the pool; the batch must not be read afterwards.</summary>
    public void Release()
    {
        if (_records is null)
            return;
        ArrayPool<StreamRecord<T>>.Shared.Return(_records, ClearOnReturn);
        _records = null;
        if (_keyGroups is not null)
            ArrayPool<int>.Shared.Return(_keyGroups);
        _keyGroups = null;
    }
}
