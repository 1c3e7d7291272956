using ActorStream.Graph;

namespace ActorStream.Hosting;

/// <summary>How <see cref="ActorStreamHostingExtensions.WithActorStream"/> adds ActorStream to an application's actor system.</summary>
public sealed class ActorStreamOptions
{
    /// <summary>
    /// Where checkpoints and keyed state go: a SQLite file path, or a MySQL/MariaDB connection string (what every member
    /// of a cluster must share). ActorStream's own journal and snapshot store use it; the application's are untouched.
    /// </summary>
    public string StateDb { get; set; } = "./data/actorstream.db";

    /// <summary>Slots this member offers: one slot runs one subtask of each vertex of a job (default: the number of cores).</summary>
    public int Slots { get; set; } = Environment.ProcessorCount;

    /// <summary>Only members with this cluster role host ActorStream's entities (null: every member that calls WithActorStream).</summary>
    public string? Role { get; set; }

    /// <summary>The jobs this program defines by name: a job submitted by name runs on every member (each rebuilds its graph).</summary>
    public JobCatalog Catalog { get; set; } = new();

    /// <summary>What stopping the application does to the jobs it submitted through <c>IJobExecutor</c>.</summary>
    public JobShutdown OnShutdown { get; set; } = JobShutdown.StopWithSavepoint;

    /// <summary>How long stopping waits for those jobs to end.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>More ActorStream settings as HOCON (keys under <c>actorstream</c>, see hocon/actorstream.conf).</summary>
    public string? Hocon { get; set; }
}

/// <summary>What happens to running jobs when the application stops.</summary>
public enum JobShutdown
{
    /// <summary>Stop with a savepoint (Flink's stop): sinks commit what the savepoint covers; resume with <c>RestoreFrom</c>.</summary>
    StopWithSavepoint,

    /// <summary>Cancel: sinks commit nothing after the latest completed checkpoint.</summary>
    Cancel,
}
