using ActorStream.Actors.Persistence;
using Microsoft.Data.Sqlite;

namespace ActorStream.Actors.Tests.Persistence;

public sealed class SqlSchemaSpecs
{
    [Fact]
    public void EnsureCreated_should_name_the_option_when_the_file_is_not_a_sqlite_database()
    {
        var file = Path.Combine(Path.GetTempPath(), $"actorstream-not-a-db-{Guid.NewGuid():N}.db");
        File.WriteAllText(file, new string('x', 4096));
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => SqlSchema.EnsureCreated(StateStoreSettings.Parse(file)));

            Assert.Contains("--state-db", error.Message);
            Assert.Contains(file, error.Message);
            Assert.Contains("not a database", error.Message);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public void EnsureCreated_should_name_the_option_when_the_server_is_unreachable()
    {
        // Port 9 (discard) on the loopback: nothing listens there, the connection is refused at once.
        var settings = StateStoreSettings.Parse("Server=127.0.0.1;Port=9;Database=actorstream;User ID=a;Password=secret;Connection Timeout=2");

        var error = Assert.Throws<InvalidOperationException>(() => SqlSchema.EnsureCreated(settings));

        Assert.Contains("--state-db", error.Message);
        Assert.Contains("127.0.0.1:9", error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }
}
