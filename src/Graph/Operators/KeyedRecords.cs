using ActorStream.Graph.Runtime;
using ActorStream.Graph.State;

namespace ActorStream.Graph.Operators;

/// <summary>An operator that processes a record once its key is the keyed backend's current key.</summary>
internal interface IKeyedRecordProcessor<TIn, in TKey>
{
    /// <summary>Processes <paramref name="record"/>; state is scoped to <paramref name="key"/>.</summary>
    void ProcessKeyed(in StreamRecord<TIn> record, TKey key);
}

/// <summary>Scoping records to their keys, one by one or a batch at a time, for the keyed one-input operators.</summary>
internal static class KeyedRecords
{
    /// <summary>The key of <paramref name="record"/>; a null key fails naming the operator.</summary>
    public static TKey KeyOf<TIn, TKey>(Func<TIn, TKey> keySelector, in StreamRecord<TIn> record, string operatorName) =>
        keySelector(record.Value) ?? throw new InvalidOperationException(
            $"The key selector of '{operatorName}' returned null; keys must not be null.");

    /// <summary>
    /// Scopes each record of <paramref name="batch"/> to its key and hands it to <paramref name="processor"/>. The key
    /// groups a keyed edge carried are used when they were computed by <paramref name="keySelector"/> itself (so they are
    /// its keys' groups); otherwise, and for <c>default</c> groups, each key is hashed.
    /// </summary>
    public static void ProcessBatch<TIn, TKey>(IKeyedRecordProcessor<TIn, TKey> processor, ReadOnlySpan<StreamRecord<TIn>> batch,
        BatchKeyGroups keyGroups, Func<TIn, TKey> keySelector, HeapKeyedStateBackend<TKey> backend, string operatorName)
        where TKey : notnull
    {
        var carried = keyGroups.ComputedBy(keySelector) ? keyGroups.Groups[..batch.Length] : default;
        for (var i = 0; i < batch.Length; i++)
        {
            ref readonly var record = ref batch[i];
            var key = KeyOf(keySelector, in record, operatorName);
            if (carried.IsEmpty)
                backend.SetCurrentKey(key, record.Timestamp);
            else
                backend.SetCurrentKey(key, carried[i], record.Timestamp);
            processor.ProcessKeyed(in record, key);
        }
    }
}
