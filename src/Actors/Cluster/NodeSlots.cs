using Akka.Actor;
using Akka.Cluster;

namespace ActorStream.Actors.Cluster;

/// <summary>
/// How a node tells the cluster how many slots it offers: a member role ("actorstream-slots-4"),
/// gossiped with its membership, so the slot manager knows every node's capacity without asking.
/// </summary>
public static class NodeSlots
{
    /// <summary>The slots of a node that takes as many subtasks as its jobs need (the one-process local mode).</summary>
    public const int Unlimited = int.MaxValue;

    private const string Prefix = "actorstream-slots-";

    /// <summary>The role that announces <paramref name="slots"/> slots.</summary>
    public static string Role(int slots) => Prefix + (slots == Unlimited ? "unlimited" : slots.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The slots <paramref name="member"/> offers, or null when it is not an ActorStream node.</summary>
    public static int? Of(Member member)
    {
        foreach (var role in member.Roles)
        {
            if (!role.StartsWith(Prefix, StringComparison.Ordinal))
                continue;
            var value = role[Prefix.Length..];
            if (value == "unlimited")
                return Unlimited;
            if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var slots))
                return slots;
        }
        return null;
    }

    /// <summary>A node address as users type it: "host:port".</summary>
    public static string HostPort(Address address) => $"{address.Host}:{address.Port}";

    /// <summary>The node ("host:port") of <paramref name="actor"/>; a local ref has no host, so it is <paramref name="self"/>'s.</summary>
    public static string NodeOf(IActorRef actor, Address self) =>
        HostPort(actor.Path.Address.HasGlobalScope ? actor.Path.Address : self);
}
