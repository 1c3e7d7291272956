namespace ActorStream.Actors.Persistence;

/// <summary>The SQL databases the state store runs on.</summary>
public enum StateStoreDialect
{
    /// <summary>A SQLite file on the node's disk: single-node deployments and development.</summary>
    Sqlite,

    /// <summary>A MySQL 8 or MariaDB 10.6+ server shared by the nodes of a cluster.</summary>
    MySql,
}
