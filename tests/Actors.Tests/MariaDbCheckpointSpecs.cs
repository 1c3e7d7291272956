using ActorStream.Actors.Tests.Support;

namespace ActorStream.Actors.Tests;

/// <summary>The checkpoint contract on MariaDB through MySqlConnector (the server the test setup starts).</summary>
public sealed class MariaDbCheckpointSpecs(MariaDbNodeFixture fixture) : CheckpointContract(fixture), IClassFixture<MariaDbNodeFixture>;
