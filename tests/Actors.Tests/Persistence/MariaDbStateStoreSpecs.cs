using Xunit.Abstractions;

namespace ActorStream.Actors.Tests.Persistence;

/// <summary>The state-store contract on a fresh database of a real MariaDB server.</summary>
public sealed class MariaDbStateStoreSpecs(MariaDbServer server, ITestOutputHelper output)
    : StateStoreContract(server.Settings, output), IClassFixture<MariaDbServer>;
