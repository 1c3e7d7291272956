using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Persistence;

namespace ActorStream.Examples.Hosted;

/// <summary>
/// The application's own sharded entity: an item's click counts per window, persisted in the application's own journal.
/// A window's count replaces the one stored (an upsert), so a count the job delivers again after a restart changes nothing.
/// </summary>
public sealed class ItemEntity : ReceivePersistentActor
{
    private readonly Dictionary<long, long> _windows = [];

    public ItemEntity(string item)
    {
        PersistenceId = "item-" + item;
        Recover<ItemWindowCount>(Apply);
        Command<ItemWindowCount>(count => Persist(count, persisted =>
        {
            Apply(persisted);
            Sender.Tell(Akka.Done.Instance); // the job's sink waits for this acknowledgement
        }));
        Command<GetItemTotals>(get => Sender.Tell(new ItemTotals(get.Item, new Dictionary<long, long>(_windows), _windows.Values.Sum())));
    }

    public override string PersistenceId { get; }

    private void Apply(ItemWindowCount count) => _windows[count.WindowStart] = count.Clicks;
}

/// <summary>Routes the item messages to their entity by item.</summary>
public sealed class ItemExtractor() : HashCodeMessageExtractor(30)
{
    public override string EntityId(object message) => message switch
    {
        ItemWindowCount count => count.Item,
        GetItemTotals get => get.Item,
        _ => throw new ArgumentException($"Not an item message: {message.GetType().Name}", nameof(message)),
    };
}

/// <summary>The registry key of the item entities' shard region.</summary>
public sealed class ItemRegion;
