using System.CommandLine;
using ActorStream.Host.Rest;

namespace ActorStream.Host.Commands;

/// <summary>The REST API's options, shared by <c>node</c> and <c>run</c>.</summary>
internal sealed class RestOptions
{
    public Option<int?> Port { get; } = new("--rest-port")
    {
        Description = "Serve the REST API (Flink's paths) on this port; not served when absent.",
        HelpName = "PORT",
        CustomParser = result => OptionParsers.Int(result, "--rest-port", 0, 65535),
    };

    public Option<string> Bind { get; } = new("--rest-bind")
    {
        Description = "Address the REST API listens on; anything but loopback needs --rest-token (or --rest-insecure).",
        HelpName = "ADDRESS",
        DefaultValueFactory = _ => "127.0.0.1",
    };

    public Option<string?> Token { get; } = new("--rest-token")
    {
        Description = $"Bearer token that cancel, stop and savepoint calls must send (or {RestSettings.TokenKey} in --config).",
        HelpName = "TOKEN",
    };

    public Option<bool> Insecure { get; } = new("--rest-insecure") { Description = "Serve the REST API beyond loopback without a token." };

    public void AddTo(Command command)
    {
        command.Options.Add(Port);
        command.Options.Add(Bind);
        command.Options.Add(Token);
        command.Options.Add(Insecure);
    }

    /// <summary>The settings asked for (validated), or null when no REST port was given; <paramref name="configuredToken"/> is the config file's.</summary>
    public RestSettings? SettingsOf(System.CommandLine.ParseResult parseResult, string? configuredToken = null) =>
        parseResult.GetValue(Port) is { } port
            ? new RestSettings(port, parseResult.GetValue(Bind)!, parseResult.GetValue(Token) ?? configuredToken, parseResult.GetValue(Insecure)).Validate()
            : null;
}
