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
        // The batch's keys first, in a loop of independent loads: each record was written by another subtask's core, and
        // its first touch misses the cache; here the misses overlap instead of stalling one record at a time.
        var keys = KeyBuffer<TKey>.Take(batch.Length);
        try
        {
            for (var i = 0; i < batch.Length; i++)
                keys[i] = KeyOf(keySelector, in batch[i], operatorName);
            for (var i = 0; i < batch.Length; i++)
            {
                ref readonly var record = ref batch[i];
                var key = keys[i];
                if (carried.IsEmpty)
                    backend.SetCurrentKey(key, record.Timestamp);
                else
                    backend.SetCurrentKey(key, carried[i], record.Timestamp);
                processor.ProcessKeyed(in record, key);
            }
        }
        finally
        {
            KeyBuffer<TKey>.Return(keys, batch.Length);
        }
    }

    /// <summary>One reusable key array per thread and key type; a nested batch on the same thread takes a new one.</summary>
    private static class KeyBuffer<TKey>
    {
        [ThreadStatic]
        private static TKey[]? _free;

        /// <summary>An array of at least <paramref name="length"/> keys, this thread's when free.</summary>
        public static TKey[] Take(int length)
        {
            var buffer = _free;
            _free = null;
            return buffer is not null && buffer.Length >= length ? buffer : new TKey[Math.Max(length, 1024)];
        }

        /// <summary>Gives <paramref name="buffer"/> back, its first <paramref name="used"/> keys cleared when they hold references (no key outlives its batch).</summary>
        public static void Return(TKey[] buffer, int used)
        {
            if (System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<TKey>())
                Array.Clear(buffer, 0, used);
            _free = buffer;
        }
    }
}
