using Microsoft.Data.Sqlite;

namespace ActorStream.Host.Tests.Support;

/// <summary>Watches a local run's checkpoints in its SQLite state store, to kill the engine at a known point.</summary>
public static class LocalCheckpoints
{
    /// <summary>Waits until <paramref name="job"/> completed <paramref name="count"/> checkpoints, then kills the engine with SIGKILL.</summary>
    public static async Task KillAfterAsync(CliProcess engine, string stateDb, string job, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Completed(stateDb, job) < count && !engine.HasExited && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.False(engine.HasExited, "The first run ended before it could be killed:\n" + engine.Output);
        Assert.True(Completed(stateDb, job) >= count, "No checkpoint completed in time:\n" + engine.Output);
        engine.KillHard();
    }

    /// <summary>Completed checkpoints of <paramref name="job"/>, as rows of its checkpoint store in the SQLite journal.</summary>
    public static long Completed(string stateDb, string job)
    {
        if (!File.Exists(stateDb))
            return 0;
        try
        {
            using var connection = new SqliteConnection($"Data Source={stateDb};Mode=ReadOnly");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM journal WHERE persistence_id = @id";
            command.Parameters.AddWithValue("@id", $"checkpoints/{job}");
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0; // the tables are not there yet
        }
    }
}
