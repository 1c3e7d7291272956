namespace ActorStream.Actors.Persistence;

/// <summary>The state store's tables in MySQL 8 and MariaDB 10.6+, as Akka.Persistence.Sql maps them.</summary>
internal static class MySqlSchema
{
    // Indexes are declared inside CREATE TABLE IF NOT EXISTS: MySQL has no CREATE INDEX IF NOT EXISTS.
    // utf8mb4_bin: persistence ids and tags compare byte for byte ("Job-1" and "job-1" are two
    // entities), whatever the server's default collation. LONGBLOB: a BLOB stops at 64 KB.
    private const string TableOptions = "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";

    /// <summary>The statements, in order; each is idempotent.</summary>
    public static IReadOnlyList<string> Statements { get; } =
    [
        $"""
        CREATE TABLE IF NOT EXISTS journal (
            ordering        BIGINT       NOT NULL AUTO_INCREMENT,
            created         BIGINT       NOT NULL,
            deleted         BOOLEAN      NOT NULL,
            persistence_id  VARCHAR(255) NOT NULL,
            sequence_number BIGINT       NOT NULL,
            message         LONGBLOB     NOT NULL,
            manifest        VARCHAR(500)     NULL,
            identifier      INT              NULL,
            writer_uuid     VARCHAR(128)     NULL,
            PRIMARY KEY (ordering),
            UNIQUE KEY journal_uq (persistence_id, sequence_number),
            KEY journal_created_idx (created),
            KEY journal_sequence_number_idx (sequence_number)
        ) {TableOptions}
        """,
        $"""
        CREATE TABLE IF NOT EXISTS tags (
            ordering_id    BIGINT       NOT NULL,
            tag            VARCHAR(64)  NOT NULL,
            sequence_nr    BIGINT       NOT NULL,
            persistence_id VARCHAR(255) NOT NULL,
            PRIMARY KEY (ordering_id, tag),
            KEY tags_persistence_id_sequence_nr_idx (persistence_id, sequence_nr),
            KEY tags_tag_idx (tag)
        ) {TableOptions}
        """,
        $"""
        CREATE TABLE IF NOT EXISTS snapshot (
            persistence_id  VARCHAR(255) NOT NULL,
            sequence_number BIGINT       NOT NULL,
            created         BIGINT       NOT NULL,
            snapshot        LONGBLOB     NOT NULL,
            manifest        VARCHAR(500)     NULL,
            serializer_id   INT              NULL,
            PRIMARY KEY (persistence_id, sequence_number),
            KEY snapshot_sequence_number_idx (sequence_number),
            KEY snapshot_created_idx (created)
        ) {TableOptions}
        """,
    ];
}
