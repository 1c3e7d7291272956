using Akka.Actor;

namespace ActorStream.Actors.Client;

/// <summary>Parses node addresses as users give them: "host:port" or a full Akka address.</summary>
public static class ContactPoints
{
    /// <summary>The actor system name every ActorStream node runs.</summary>
    public const string SystemName = "actorstream";

    /// <summary>Splits a comma-separated list of contact points.</summary>
    public static IReadOnlyList<string> Split(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The actor path of the job gateway of the node at <paramref name="contact"/> ("host:port" or a full address).</summary>
    public static string GatewayPath(string contact) => $"{ToAddress(contact)}/user/{Cluster.JobGatewayActor.Name}";

    /// <summary>
    /// The Akka address of <paramref name="contact"/>: "host:port" becomes akka.tcp://actorstream@host:port;
    /// a full address is taken as is. Throws <see cref="FormatException"/> with the accepted forms.
    /// </summary>
    public static Address ToAddress(string contact)
    {
        if (contact.Contains("://", StringComparison.Ordinal))
        {
            return Address.TryParse(contact, out var parsed) && parsed.HasGlobalScope ? parsed
                : throw new FormatException($"'{contact}' is not an Akka address such as akka.tcp://{SystemName}@10.0.0.5:4053.");
        }
        var colon = contact.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(contact.AsSpan(colon + 1), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            throw new FormatException($"'{contact}' is not host:port (e.g. 10.0.0.5:4053) or a full Akka address.");
        return new Address("akka.tcp", SystemName, contact[..colon], port);
    }
}
