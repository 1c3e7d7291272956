using ActorStream.Actors.Tests.Support;

namespace ActorStream.Actors.Tests;

/// <summary>The checkpoint contract on the embedded default store, a SQLite file.</summary>
public sealed class SqliteCheckpointSpecs(NodeFixture fixture) : CheckpointContract(fixture), IClassFixture<NodeFixture>;
