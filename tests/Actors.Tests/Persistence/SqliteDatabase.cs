using ActorStream.Actors.Persistence;
using Microsoft.Data.Sqlite;

namespace ActorStream.Actors.Tests.Persistence;

/// <summary>A fresh SQLite file for the tests of a class, in a directory that does not exist yet; deleted afterwards.</summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "actorstream-tests", Guid.NewGuid().ToString("N"));

    public SqliteDatabase() => Settings = StateStoreSettings.Parse(Path.Combine(_root, "state", "actorstream.db"));

    /// <summary>The state store on this class's file.</summary>
    public StateStoreSettings Settings { get; }

    public void Dispose()
    {
        // Pooled connections keep the file (and its -wal and -shm files) open.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temp file left behind is harmless.
        }
    }
}
