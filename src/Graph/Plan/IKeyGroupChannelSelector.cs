using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Plan;

/// <summary>
/// A selector of a keyed edge: picks the channel through the record's key group, which the writer can then
/// carry with the record so the receiving keyed operator does not hash the key again.
/// </summary>
public interface IKeyGroupChannelSelector<T> : IChannelSelector<T>
{
    /// <summary>The key selector the edge partitions by (the receiving keyed operator's own selector).</summary>
    Delegate KeySelector { get; }

    /// <summary>The key group of <paramref name="record"/>'s key.</summary>
    int SelectKeyGroup(in StreamRecord<T> record);

    /// <summary>The channel of the subtask that owns <paramref name="keyGroup"/>.</summary>
    int ChannelOf(int keyGroup);
}
