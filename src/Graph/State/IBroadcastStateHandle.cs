namespace ActorStream.Graph.State;

/// <summary>A broadcast state as <see cref="BroadcastStates"/> snapshots and restores it.</summary>
internal interface IBroadcastStateHandle
{
    /// <summary>The identity of the map type (key and value types).</summary>
    string MapType { get; }

    /// <summary>Writes the whole map.</summary>
    void Write(BinaryWriter writer);

    /// <summary>Replaces the map with one written by <see cref="Write"/>.</summary>
    void Read(BinaryReader reader);
}
