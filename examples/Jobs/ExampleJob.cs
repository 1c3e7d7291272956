using ActorStream.Graph;

namespace ActorStream.Examples;

/// <summary>A named, runnable example job: its options and how it builds its pipeline.</summary>
public abstract class ExampleJob
{
    /// <summary>The name the CLI knows the job by, e.g. "wordcount".</summary>
    public abstract string Name { get; }

    /// <summary>What the job does, in one line.</summary>
    public abstract string Description { get; }

    /// <summary>The options the job reads from its <see cref="JobParameters"/>.</summary>
    public abstract IReadOnlyList<JobOption> Options { get; }

    /// <summary>Adds the job's sources, operators and sinks to <paramref name="env"/>; throws <see cref="JobParameterException"/> on bad options.</summary>
    public abstract void Build(StreamExecutionEnvironment env, JobParameters parameters);

    /// <summary>
    /// Checks (and readies) the job's files once, in the client, before the job is submitted: unlike <see cref="Build"/>,
    /// which every node of a cluster runs again, it may look at output directories (see <see cref="JobFiles"/>).
    /// </summary>
    public virtual void Prepare(JobParameters parameters) { }
}
