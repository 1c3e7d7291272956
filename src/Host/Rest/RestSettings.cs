using System.Net;

namespace ActorStream.Host.Rest;

/// <summary>
/// Where the REST API listens and who may change things through it. It binds to loopback unless told
/// otherwise; bound elsewhere, mutating calls need the bearer token, and a server without one refuses to
/// start unless the user accepts the risk with --rest-insecure.
/// </summary>
public sealed record RestSettings(int Port, string Bind = "127.0.0.1", string? Token = null, bool Insecure = false)
{
    /// <summary>The HOCON key of the token, for a node's --config file.</summary>
    public const string TokenKey = "actorstream.rest.token";

    /// <summary>True when the address is loopback only.</summary>
    public bool IsLoopback => Bind is "localhost" || (IPAddress.TryParse(Bind, out var address) && IPAddress.IsLoopback(address));

    /// <summary>Throws with the flag to fix when the settings are unsafe or invalid.</summary>
    public RestSettings Validate()
    {
        if (Port is < 0 or > 65535)
            throw new ArgumentException($"--rest-port: {Port} is not a port (0-65535).");
        if (Bind != "localhost" && !IPAddress.TryParse(Bind, out _))
            throw new ArgumentException($"--rest-bind: '{Bind}' is not an IP address (e.g. 127.0.0.1, 0.0.0.0).");
        if (Token is { Length: < 16 })
            throw new ArgumentException("--rest-token: use at least 16 characters.");
        if (!IsLoopback && Token is null && !Insecure)
            throw new ArgumentException(
                $"--rest-bind {Bind} exposes the REST API beyond this machine: give --rest-token TOKEN (or {TokenKey} in the node's config) " +
                "so that cancel, stop and savepoint need it, or pass --rest-insecure to run it open anyway.");
        return this;
    }
}
