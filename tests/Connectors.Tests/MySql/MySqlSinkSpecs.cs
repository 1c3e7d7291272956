using ActorStream.Actors.Tests.Persistence;
using ActorStream.Connectors.MySql;
using ActorStream.Graph;
using MySqlConnector;

namespace ActorStream.Connectors.Tests.MySql;

/// <summary>
/// The MySQL sink against a real MariaDB: upserts keep the last row of a key, appends every row, and
/// exactly-once commits are idempotent: committing a transaction again (a restore after a kill that
/// came after the database commit) changes nothing, and a commit interrupted before the database
/// commit (a kill during it) leaves nothing, so committing again writes its rows once.
/// </summary>
public sealed class MySqlSinkSpecs(MariaDbServer server) : IClassFixture<MariaDbServer>
{
    private static readonly MySqlTable Totals = new("totals",
        [new("item", "VARCHAR(64) NOT NULL"), new("window_start", "BIGINT NOT NULL"), new("clicks", "BIGINT NOT NULL"), new("revenue", "DECIMAL(18,2) NOT NULL")],
        ["item", "window_start"]);

    private string Database => server.Settings.ConnectionString;

    private MySqlSink<(string Item, long Start, long Clicks, decimal Revenue)> Sink(MySqlTable table, MySqlWriteMode mode = MySqlWriteMode.Upsert) =>
        new(Database, table, t => [t.Item, t.Start, t.Clicks, t.Revenue], mode, batchSize: 2);

    private static readonly SinkContext Context = new("sink", 0, 1, null!);

    [Fact]
    public void Exactly_once_should_write_nothing_before_the_commit_and_then_the_last_row_of_each_key()
    {
        var sink = Sink(Rename(Totals, "eo_totals"));
        using var writer = sink.CreateWriter(Context, TwoPhaseCommitRestore<MySqlSinkTransaction>.None);
        writer.Write(("a", 0, 1, 1.50m), 0);
        writer.Write(("b", 0, 1, 2m), 0);
        writer.Write(("a", 0, 2, 3.25m), 0); // a later firing of the same window
        writer.Write(("a", 10, 1, 0m), 0);

        var prepared = writer.PrepareCommit(7);

        Assert.Empty(Rows("eo_totals"));
        var transaction = Assert.Single(prepared);
        Assert.Equal(3, transaction.Rows.Count);
        sink.CreateCommitter(Context).Commit(prepared);
        Assert.Equal(["a|0|2|3.25", "a|10|1|0.00", "b|0|1|2.00"], Rows("eo_totals"));
        Assert.Empty(writer.PrepareCommit(8)); // nothing written since
    }

    [Fact]
    public void Committing_a_transaction_again_should_change_nothing_even_for_appends()
    {
        var table = new MySqlTable("again_lines", [new("line", "TEXT NOT NULL")]);
        var sink = new MySqlSink<string>(Database, table, l => [l], MySqlWriteMode.Append);
        using var writer = sink.CreateWriter(Context, TwoPhaseCommitRestore<MySqlSinkTransaction>.None);
        writer.Write("x", 0);
        writer.Write("x", 0);
        var prepared = RoundTrip(writer.PrepareCommit(3));

        sink.CreateCommitter(Context).Commit(prepared);
        sink.CreateCommitter(Context).Commit(prepared); // the restore commits the restored checkpoint's transactions again

        Assert.Equal(["x", "x"], Rows("again_lines"));
    }

    [Fact]
    public void A_commit_cut_off_before_the_database_commit_should_leave_nothing_and_then_commit_once()
    {
        var sink = Sink(Rename(Totals, "cut_totals"));
        using var writer = sink.CreateWriter(Context, TwoPhaseCommitRestore<MySqlSinkTransaction>.None);
        writer.Write(("a", 0, 5, 9.99m), 0);
        var prepared = writer.PrepareCommit(4);
        var transaction = Assert.Single(prepared);

        // What a kill between the marker and the commit leaves: a connection gone with its transaction open.
        using (var connection = new MySqlConnection(Database))
        {
            connection.Open();
            var open = connection.BeginTransaction();
            Execute(connection, open, $"INSERT INTO {MySqlCommitter.MarkerTable} (transaction_id, table_name, committed_at) VALUES ('{transaction.Id}', 'cut_totals', 0)");
            Execute(connection, open, "INSERT INTO cut_totals VALUES ('a', 0, 5, 9.99)");
        }
        MySqlConnection.ClearAllPools(); // the pooled connection is really closed: the server rolls back

        Assert.Empty(Rows("cut_totals"));
        sink.CreateCommitter(Context).Commit(prepared);
        Assert.Equal(["a|0|5|9.99"], Rows("cut_totals"));
    }

    [Fact]
    public void At_least_once_should_write_full_batches_as_they_come_and_the_rest_at_the_checkpoint()
    {
        var sink = new MySqlSink<(string Item, long Start, long Clicks, decimal Revenue)>(Database, Rename(Totals, "alo_totals"),
            t => [t.Item, t.Start, t.Clicks, t.Revenue], guarantee: DeliveryGuarantee.AtLeastOnce, batchSize: 2);
        using var writer = sink.CreateWriter(Context, TwoPhaseCommitRestore<MySqlSinkTransaction>.None);
        writer.Write(("a", 0, 1, 1m), 0);
        writer.Write(("b", 0, 1, 1m), 0);
        Assert.Equal(2, Rows("alo_totals").Count); // a full batch

        writer.Write(("c", 0, 1, 1m), 0);
        Assert.Empty(writer.PrepareCommit(1));
        Assert.Equal(3, Rows("alo_totals").Count);
    }

    [Fact]
    public void A_row_of_the_wrong_width_or_a_bad_table_name_should_be_refused_clearly()
    {
        var sink = new MySqlSink<string>(Database, new MySqlTable("narrow", [new("a", "TEXT"), new("b", "TEXT")]), l => [l], MySqlWriteMode.Append);
        using var writer = sink.CreateWriter(Context, TwoPhaseCommitRestore<MySqlSinkTransaction>.None);

        var wrongWidth = Assert.Throws<InvalidOperationException>(() => writer.Write("x", 0));
        var badName = Assert.Throws<ArgumentException>(() => new MySqlTable("drop table; --", [new("a", "TEXT")]));
        var noKey = Assert.Throws<ArgumentException>(() => new MySqlSink<string>(Database, new MySqlTable("nokey", [new("a", "TEXT")]), l => [l]));

        Assert.Contains("has 1 values; the table has 2 columns", wrongWidth.Message);
        Assert.Contains("not a valid table name", badName.Message);
        Assert.Contains("need its primary key", noKey.Message);
    }

    private static MySqlTable Rename(MySqlTable table, string name) => new(name, table.Columns, table.PrimaryKey);

    private static IReadOnlyList<MySqlSinkTransaction> RoundTrip(IReadOnlyList<MySqlSinkTransaction> transactions)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            foreach (var transaction in transactions)
                MySqlSinkTransactionSerializer.Instance.Serialize(transaction, writer);
        }
        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        return transactions.Select(_ => MySqlSinkTransactionSerializer.Instance.Deserialize(reader)).ToList();
    }

    private List<string> Rows(string table)
    {
        using var connection = new MySqlConnection(Database);
        connection.Open();
        using var command = new MySqlCommand($"SELECT * FROM `{table}`", connection);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return [.. rows.Order(StringComparer.Ordinal)];
    }

    private static void Execute(MySqlConnection connection, MySqlTransaction transaction, string sql)
    {
        using var command = new MySqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
