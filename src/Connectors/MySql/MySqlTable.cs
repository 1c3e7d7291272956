using System.Text;
using System.Text.RegularExpressions;

namespace ActorStream.Connectors.MySql;

/// <summary>A column of a <see cref="MySqlTable"/>: its name and SQL type (e.g. "BIGINT NOT NULL", "DECIMAL(18,2)").</summary>
public sealed record MySqlColumn(string Name, string SqlType);

/// <summary>
/// The table a <see cref="MySqlSink{T}"/> writes: its columns in the order of the rows the sink is
/// given, and its primary key (needed for upserts; optional for appends). The sink creates it when
/// it is missing.
/// </summary>
public sealed partial record MySqlTable
{
    /// <summary>Describes table <paramref name="name"/>; names are checked (letters, digits, _ and $) since they go into SQL text.</summary>
    public MySqlTable(string name, IReadOnlyList<MySqlColumn> columns, IReadOnlyList<string>? primaryKey = null)
    {
        CheckName(name, "table");
        if (columns.Count == 0)
            throw new ArgumentException($"Table '{name}' needs at least one column.", nameof(columns));
        foreach (var column in columns)
            CheckName(column.Name, "column");
        primaryKey ??= [];
        foreach (var key in primaryKey)
        {
            if (!columns.Any(c => c.Name == key))
                throw new ArgumentException($"Primary key column '{key}' is not a column of table '{name}'.", nameof(primaryKey));
        }
        Name = name;
        Columns = columns;
        PrimaryKey = primaryKey;
    }

    /// <summary>The table's name.</summary>
    public string Name { get; }

    /// <summary>The columns, in row order.</summary>
    public IReadOnlyList<MySqlColumn> Columns { get; }

    /// <summary>The primary key's columns; empty for none.</summary>
    public IReadOnlyList<string> PrimaryKey { get; }

    /// <summary>The positions of the primary key's columns in a row.</summary>
    internal int[] KeyPositions => [.. PrimaryKey.Select(k => Columns.ToList().FindIndex(c => c.Name == k))];

    /// <summary>CREATE TABLE IF NOT EXISTS with the columns and the primary key.</summary>
    internal string CreateStatement()
    {
        var sql = new StringBuilder($"CREATE TABLE IF NOT EXISTS `{Name}` (");
        sql.AppendJoin(", ", Columns.Select(c => $"`{c.Name}` {c.SqlType}"));
        if (PrimaryKey.Count > 0)
            sql.Append(", PRIMARY KEY (").AppendJoin(", ", PrimaryKey.Select(k => $"`{k}`")).Append(')');
        return sql.Append(") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4").ToString();
    }

    /// <summary>
    /// INSERT of <paramref name="rows"/> rows with numbered parameters (@p0, @p1, ...), row after row;
    /// with <paramref name="upsert"/> the non-key columns of an existing row are replaced.
    /// </summary>
    internal string InsertStatement(int rows, bool upsert)
    {
        var sql = new StringBuilder($"INSERT INTO `{Name}` (");
        sql.AppendJoin(", ", Columns.Select(c => $"`{c.Name}`")).Append(") VALUES ");
        for (var row = 0; row < rows; row++)
        {
            if (row > 0)
                sql.Append(", ");
            sql.Append('(').AppendJoin(", ", Columns.Select((_, column) => $"@p{row * Columns.Count + column}")).Append(')');
        }
        if (upsert)
        {
            var values = Columns.Where(c => !PrimaryKey.Contains(c.Name)).Select(c => $"`{c.Name}` = VALUES(`{c.Name}`)").ToList();
            // A table of key columns only has nothing to replace: re-assigning a key column keeps the row as it is.
            sql.Append(" ON DUPLICATE KEY UPDATE ").AppendJoin(", ", values.Count > 0 ? values : [$"`{PrimaryKey[0]}` = `{PrimaryKey[0]}`"]);
        }
        return sql.ToString();
    }

    private static void CheckName(string name, string what)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 64 || !NamePattern().IsMatch(name))
            throw new ArgumentException($"'{name}' is not a valid {what} name: use up to 64 letters, digits, _ or $.");
    }

    [GeneratedRegex("^[A-Za-z0-9_$]+$")]
    private static partial Regex NamePattern();
}
