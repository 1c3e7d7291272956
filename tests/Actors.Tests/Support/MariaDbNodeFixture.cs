using ActorStream.Actors.Tests.Persistence;

namespace ActorStream.Actors.Tests.Support;

/// <summary>A local node whose state store is a fresh database on the test MariaDB server.</summary>
public sealed class MariaDbNodeFixture : NodeFixture
{
    private readonly MariaDbServer _server = new();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _server.DisposeAsync();
    }

    protected override async Task<string?> StateDbAsync()
    {
        await _server.InitializeAsync();
        return _server.Settings.ConnectionString;
    }
}
