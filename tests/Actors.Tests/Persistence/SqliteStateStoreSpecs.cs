using ActorStream.Actors.Persistence;
using Xunit.Abstractions;

namespace ActorStream.Actors.Tests.Persistence;

/// <summary>The state-store contract on a SQLite file.</summary>
public sealed class SqliteStateStoreSpecs(SqliteDatabase database, ITestOutputHelper output)
    : StateStoreContract(database.Settings, output), IClassFixture<SqliteDatabase>
{
    [Fact]
    public void EnsureCreated_should_create_the_directory_and_turn_on_write_ahead_logging()
    {
        Assert.True(File.Exists(Settings.DatabaseFile));
        using var connection = SqlSchema.OpenConnection(Settings);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }
}
