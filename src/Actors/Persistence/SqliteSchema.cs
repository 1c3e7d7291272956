namespace ActorStream.Actors.Persistence;

/// <summary>The state store's tables in SQLite, as Akka.Persistence.Sql maps them (type names in SQLite's own affinities).</summary>
internal static class SqliteSchema
{
    /// <summary>The statements, in order; each is idempotent.</summary>
    public static IReadOnlyList<string> Statements { get; } =
    [
        // WAL is stored in the file: later connections, the plugin's included, open it in WAL mode.
        // Readers then never block the writer, and the journal and snapshot store only contend
        // with each other for the one write lock (Microsoft.Data.Sqlite retries SQLITE_BUSY).
        "PRAGMA journal_mode=WAL",
        // AUTOINCREMENT: an ordering is never reused after deletes, which events-by-tag offsets rely on.
        """
        CREATE TABLE IF NOT EXISTS journal (
            ordering        INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
            created         INTEGER NOT NULL,
            deleted         INTEGER NOT NULL,
            persistence_id  TEXT    NOT NULL,
            sequence_number INTEGER NOT NULL,
            message         BLOB    NOT NULL,
            manifest        TEXT        NULL,
            identifier      INTEGER     NULL,
            writer_uuid     TEXT        NULL
        )
        """,
        "CREATE UNIQUE INDEX IF NOT EXISTS journal_uq ON journal (persistence_id, sequence_number)",
        "CREATE INDEX IF NOT EXISTS journal_created_idx ON journal (created)",
        "CREATE INDEX IF NOT EXISTS journal_sequence_number_idx ON journal (sequence_number)",
        """
        CREATE TABLE IF NOT EXISTS tags (
            ordering_id    INTEGER NOT NULL,
            tag            TEXT    NOT NULL,
            sequence_nr    INTEGER NOT NULL,
            persistence_id TEXT    NOT NULL,
            PRIMARY KEY (ordering_id, tag)
        )
        """,
        "CREATE INDEX IF NOT EXISTS tags_persistence_id_sequence_nr_idx ON tags (persistence_id, sequence_nr)",
        "CREATE INDEX IF NOT EXISTS tags_tag_idx ON tags (tag)",
        """
        CREATE TABLE IF NOT EXISTS snapshot (
            persistence_id  TEXT    NOT NULL,
            sequence_number INTEGER NOT NULL,
            created         INTEGER NOT NULL,
            snapshot        BLOB    NOT NULL,
            manifest        TEXT        NULL,
            serializer_id   INTEGER     NULL,
            PRIMARY KEY (persistence_id, sequence_number)
        )
        """,
        "CREATE INDEX IF NOT EXISTS snapshot_sequence_number_idx ON snapshot (sequence_number)",
        "CREATE INDEX IF NOT EXISTS snapshot_created_idx ON snapshot (created)",
    ];
}
