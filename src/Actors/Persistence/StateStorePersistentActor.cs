using Akka.Persistence;

namespace ActorStream.Actors.Persistence;

/// <summary>A persistent actor on ActorStream's own journal and snapshot store (never the host's defaults).</summary>
public abstract class StateStorePersistentActor : ReceivePersistentActor
{
    /// <summary>Names ActorStream's plugins.</summary>
    protected StateStorePersistentActor()
    {
        JournalPluginId = StateStoreConfig.JournalPluginId;
        SnapshotPluginId = StateStoreConfig.SnapshotStorePluginId;
    }
}
