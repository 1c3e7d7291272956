using ActorStream.Graph.Runtime;
using ActorStream.Graph.Serialization;

namespace ActorStream.Graph.Operators.Async;

/// <summary>
/// The operator state of an async operator: the elements in flight at a barrier (not yet emitted, completed or
/// not), with their timestamps, followed by the operator state of a checkpointed function, if any. After a restore,
/// each subtask re-issues a fair share of every previous subtask's elements, so that none is issued twice or lost
/// whatever the new parallelism; the function's states go to the function as they came.
/// </summary>
internal static class AsyncInFlightState
{
    private const byte Version = 1;

    /// <summary>Writes <paramref name="elements"/>, in order, and the function's state.</summary>
    public static byte[] Write<T>(IReadOnlyCollection<StreamRecord<T>> elements, ITypeSerializer<T> serializer, byte[]? functionState)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            writer.Write(Version);
            writer.WriteCount(elements.Count);
            foreach (var element in elements)
            {
                writer.WriteVarLong(element.Timestamp);
                serializer.Serialize(element.Value, writer);
            }
            writer.WriteNullableCount(functionState?.Length);
            if (functionState is not null)
                writer.Write(functionState);
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// This subtask's share of the elements of every previous subtask (their states in subtask order): element i of
    /// the concatenation goes to subtask i % <paramref name="parallelism"/>; and every previous function state.
    /// </summary>
    public static (List<StreamRecord<T>> Share, List<byte[]> FunctionStates) ShareOf<T>(IReadOnlyList<byte[]> states, int subtaskIndex,
        int parallelism, ITypeSerializer<T> serializer)
    {
        List<StreamRecord<T>> share = [];
        List<byte[]> functionStates = [];
        var index = 0;
        foreach (var state in states)
        {
            using var reader = new BinaryReader(new MemoryStream(state));
            var version = reader.ReadByte();
            if (version != Version)
                throw new InvalidDataException($"The async operator's checkpointed state has version {version}; this version reads {Version}.");
            var count = reader.ReadCount();
            for (var i = 0; i < count; i++, index++)
            {
                var timestamp = reader.ReadVarLong();
                var value = serializer.Deserialize(reader);
                if (index % parallelism == subtaskIndex)
                    share.Add(new StreamRecord<T>(value, timestamp));
            }
            if (reader.ReadNullableCount() is { } length)
                functionStates.Add(reader.ReadBytes(length));
        }
        return (share, functionStates);
    }
}
