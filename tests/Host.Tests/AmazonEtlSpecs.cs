using System.Globalization;
using ActorStream.Actors.Tests.Persistence;
using ActorStream.Connectors.Tests.Kafka;
using ActorStream.Host.Tests.Support;
using MySqlConnector;

namespace ActorStream.Host.Tests;

/// <summary>
/// The amazon-etl job into a real MariaDB: after an injected failure, and after a SIGKILL of the
/// engine followed by <c>--from-savepoint latest</c>, the window table holds exactly the last firing
/// of every item and window, and the late and error tables exactly the late events and malformed
/// lines, as the failure-free simulation says. The same from a Kafka topic (the mock cluster: the
/// source's offsets live in the job's checkpoints, so no Kafka transaction is involved).
/// </summary>
[Collection(JobRunsCollection.Name)]
public sealed class AmazonEtlSpecs(MariaDbServer server, MockKafka kafka) : IClassFixture<MariaDbServer>, IClassFixture<MockKafka>
{
    private static readonly Lazy<IReadOnlyList<string>> Input = new(() => ClickFile.Generate(30_000, seed: 17));

    private string Database => server.Settings.ConnectionString;

    private string[] EtlArgs(string input, string table, string stateDb, params string[] more) =>
    [
        "run", "amazon-etl", "--input", input, "--mysql", Database, "--table", table, "--parallelism", "3",
        "--window", "10000ms", "--allowed-lateness", "5000ms", "--out-of-orderness", "2000ms",
        "--checkpoint-interval", "200ms", "--state-db", stateDb, .. more,
    ];

    [Fact]
    public async Task The_tables_should_be_exact_after_an_injected_failure()
    {
        using var temp = new TempDirectory();
        var input = temp.Combine("clicks.jsonl");
        ClickFile.Write(input, Input.Value);

        var run = await CliRun.InvokeAsync(EtlArgs(input, "injected", temp.Combine("state.db"), "--rate", "20000", "--inject-failure-after", "15000"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(run.Out.Contains("  restarts  1\n"), run.ToString());
        AssertTables("injected");
    }

    [Fact]
    public async Task The_tables_should_be_exact_after_a_kill_and_a_resume_from_the_latest_checkpoint()
    {
        using var temp = new TempDirectory();
        var input = temp.Combine("clicks.jsonl");
        var stateDb = temp.Combine("state.db");
        ClickFile.Write(input, Input.Value);

        using (var engine = CliProcess.Start(EtlArgs(input, "killed", stateDb, "--rate", "4000")))
        {
            // Kill once a few checkpoints completed and output was committed, well before the end.
            await LocalCheckpoints.KillAfterAsync(engine, stateDb, "amazon-etl", 3);
        }
        Assert.NotEmpty(Query("SELECT item FROM killed")); // rows committed by the first run stay

        var resumed = await CliRun.InvokeAsync(EtlArgs(input, "killed", stateDb, "--from-savepoint", "latest"));

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        AssertTables("killed");
    }

    [Theory]
    [InlineData("before:4")] // checkpoint complete, its rows not yet in the database
    [InlineData("after:4")]  // rows and marker committed, the engine not yet told
    public async Task The_tables_should_be_exact_after_a_kill_around_a_commit_and_a_resume(string moment)
    {
        using var temp = new TempDirectory();
        var input = temp.Combine("clicks.jsonl");
        var stateDb = temp.Combine("state.db");
        ClickFile.Write(input, Input.Value);
        var table = "crash_" + moment[..moment.IndexOf(':')];

        using (var engine = CliProcess.Start(EtlArgs(input, table, stateDb, "--rate", "4000", "--crash-at-commit", moment)))
        {
            Assert.True(await engine.WaitForExitAsync(TimeSpan.FromSeconds(90)), "The engine did not kill itself:\n" + engine.Output);
            Assert.True(engine.ExitCode == 137, $"Exit code {engine.ExitCode}, not SIGKILL's 137:\n{engine.Output}");
        }

        var resumed = await CliRun.InvokeAsync(EtlArgs(input, table, stateDb, "--from-savepoint", "latest"));

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        AssertTables(table);
    }

    [Fact]
    public async Task The_tables_should_be_exact_after_a_kill_and_a_resume_reading_a_kafka_topic()
    {
        using var temp = new TempDirectory();
        var stateDb = temp.Combine("state.db");
        kafka.Cluster.CreateTopic("etl-clicks", 1);
        TestRecords.Produce(kafka.Bootstrap, "etl-clicks", Input.Value, _ => 0);
        string[] Args(params string[] more) =>
        [
            "run", "amazon-etl", "--bootstrap-servers", kafka.Bootstrap, "--topic", "etl-clicks", "--bounded", "--mysql", Database,
            "--table", "from_kafka", "--parallelism", "3", "--window", "10000ms", "--allowed-lateness", "5000ms", "--out-of-orderness", "2000ms",
            "--checkpoint-interval", "200ms", "--state-db", stateDb, .. more,
        ];

        using (var engine = CliProcess.Start(Args("--rate", "4000")))
            await LocalCheckpoints.KillAfterAsync(engine, stateDb, "amazon-etl", 3);
        Assert.NotEmpty(Query("SELECT item FROM from_kafka"));

        var resumed = await CliRun.InvokeAsync(Args("--from-savepoint", "latest"));

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        AssertTables("from_kafka");
    }

    private void AssertTables(string table)
    {
        var expected = ClickFile.Simulate(Input.Value, 10_000, 5_000, 2_000);
        // The table keeps each item and window's last firing.
        var lastFirings = expected.Firings
            .GroupBy(f => string.Join('|', f.Split('|').Take(2)))
            .Select(g => g.Last())
            .Order(StringComparer.Ordinal);
        var rows = Query($"SELECT item, window_start, window_end, clicks, carts, buys, revenue FROM `{table}`",
            r => ClickFile.Firing(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetDecimal(6)));
        Assert.Equal(lastFirings, rows.Order(StringComparer.Ordinal));

        var late = Query($"SELECT line FROM `{table}_late`", r => r.GetString(0)); // the lines as they came in
        Assert.Equal(expected.Late.Order(StringComparer.Ordinal), late.Order(StringComparer.Ordinal));

        var errors = Query($"SELECT line, error FROM `{table}_errors`", r => (Line: r.GetString(0), Error: r.GetString(1)));
        Assert.All(errors, e => Assert.NotEmpty(e.Error));
        Assert.Equal(expected.Errors.Order(StringComparer.Ordinal), errors.Select(e => e.Line).Order(StringComparer.Ordinal));
    }

    private List<string> Query(string sql) => Query(sql, r => Convert.ToString(r.GetValue(0), CultureInfo.InvariantCulture)!);

    private List<T> Query<T>(string sql, Func<MySqlDataReader, T> read)
    {
        using var connection = new MySqlConnection(Database);
        connection.Open();
        using var command = new MySqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows;
    }
}
