using ActorStream.Actors.Tests.Persistence;
using ActorStream.Host.Tests.Support;
using MySqlConnector;

namespace ActorStream.Host.Tests;

/// <summary>
/// An outage of the database the MySQL sink writes to: MariaDB shut down for 20 s in the middle of the
/// amazon-etl job fails commits and restarts the job with backoff; once the server is back, the restore
/// commits what was pending and the job runs on by itself, and the table is exactly the failure-free one.
/// </summary>
[Collection(JobRunsCollection.Name)]
public sealed class MySqlOutageSpecs
{
    /// <summary>A port of its own: stopping the server must not disturb the other specs' server.</summary>
    private const int PrivatePort = 3321;
    private static readonly Lazy<IReadOnlyList<string>> Input = new(() => ClickFile.Generate(12_000, seed: 37));

    [Fact]
    public async Task Amazon_etl_should_catch_up_after_its_database_was_down_for_20_s_without_losing_or_repeating_rows()
    {
        var database = MariaDbServer.OnPrivatePort(PrivatePort);
        await database.InitializeAsync();
        try
        {
            using var temp = new TempDirectory();
            var input = temp.Combine("clicks.jsonl");
            var stateDb = temp.Combine("state.db");
            ClickFile.Write(input, Input.Value);

            var run = CliRun.InvokeAsync("run", "amazon-etl", "--input", input, "--mysql", database.Settings.ConnectionString, "--table", "outage",
                "--window", "10000ms", "--allowed-lateness", "5000ms", "--out-of-orderness", "2000ms", "--checkpoint-interval", "300ms",
                "--rate", "600", "--state-db", stateDb);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (Rows(database, "SELECT COUNT(*) FROM outage") < 50 && DateTime.UtcNow < deadline && !run.IsCompleted)
                await Task.Delay(100);
            Assert.False(run.IsCompleted, "The job ended before the outage: " + (run.IsCompleted ? await run : null));
            await database.StopServerAsync();
            await Task.Delay(TimeSpan.FromSeconds(20));
            Assert.False(run.IsCompleted, "The job ended while its database was down: " + (run.IsCompleted ? await run : null));
            await database.StartServerAsync();
            var result = await run.WaitAsync(TimeSpan.FromMinutes(4));

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Matches(@"restarts\s+[1-9]", result.Out);
            var expected = ClickFile.Simulate(Input.Value, 10_000, 5_000, 2_000);
            var lastFirings = expected.Firings.GroupBy(f => string.Join('|', f.Split('|').Take(2))).Select(g => g.Last()).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(lastFirings, Firings(database).Order(StringComparer.Ordinal));
            Assert.Equal(expected.Late.Count, Rows(database, "SELECT COUNT(*) FROM outage_late"));
            Assert.Equal(expected.Errors.Count, Rows(database, "SELECT COUNT(*) FROM outage_errors"));
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static long Rows(MariaDbServer database, string sql)
    {
        try
        {
            using var connection = new MySqlConnection(database.Settings.ConnectionString);
            connection.Open();
            using var command = new MySqlCommand(sql, connection);
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (MySqlException)
        {
            return 0; // not created yet
        }
    }

    private static List<string> Firings(MariaDbServer database)
    {
        using var connection = new MySqlConnection(database.Settings.ConnectionString);
        connection.Open();
        using var command = new MySqlCommand("SELECT item, window_start, window_end, clicks, carts, buys, revenue FROM outage", connection);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(ClickFile.Firing(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
                reader.GetInt64(5), reader.GetDecimal(6)));
        return rows;
    }
}
