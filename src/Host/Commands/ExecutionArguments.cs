using System.Globalization;
using ActorStream.Examples;
using ActorStream.Graph;

namespace ActorStream.Host.Commands;

/// <summary>
/// The execution settings of a job run as job arguments: the CLI writes them with the job's own
/// options, and every node that rebuilds the job's graph applies them before the job builds itself.
/// </summary>
internal static class ExecutionArguments
{
    public const string Parallelism = "parallelism";
    public const string MaxParallelism = "max-parallelism";
    public const string Mode = "mode";
    public const string CheckpointInterval = "checkpoint-interval";
    public const string CheckpointMode = "checkpoint-mode";
    public const string FromSavepoint = "from-savepoint";
    public const string AllowNonRestoredState = "allow-non-restored-state";
    public const string BatchSize = "batch-size";
    public const string Credits = "credits";
    public const string BatchTimeout = "batch-timeout";
    public const string BatchBytes = "batch-bytes";

    /// <summary>Applies the execution settings in <paramref name="arguments"/> to <paramref name="env"/>.</summary>
    public static void Apply(IReadOnlyDictionary<string, string> arguments, StreamExecutionEnvironment env)
    {
        var parameters = new JobParameters(arguments);
        if (parameters.Has(MaxParallelism))
            env.MaxParallelism = parameters.GetInt(MaxParallelism);
        if (parameters.Has(Parallelism))
            env.Parallelism = parameters.GetInt(Parallelism);
        if (parameters.Get(Mode) is { } mode)
            env.RuntimeMode = Enum.Parse<RuntimeExecutionMode>(mode, ignoreCase: true);
        if (parameters.Has(CheckpointInterval))
        {
            var checkpointMode = parameters.Get(CheckpointMode) == "at-least-once" ? CheckpointingMode.AtLeastOnce : CheckpointingMode.ExactlyOnce;
            env.EnableCheckpointing(parameters.GetDuration(CheckpointInterval), checkpointMode);
        }
        if (parameters.Get(FromSavepoint) is { } pointer)
            env.RestoreFrom(pointer, bool.Parse(parameters.Get(AllowNonRestoredState, "false")));
        if (parameters.Has(BatchSize))
            env.BatchSize = parameters.GetInt(BatchSize);
        if (parameters.Has(Credits))
            env.CreditsPerChannel = parameters.GetInt(Credits);
        if (parameters.Has(BatchTimeout))
            env.BatchTimeout = parameters.GetDuration(BatchTimeout);
        if (parameters.Has(BatchBytes))
            env.LocalBatchBytes = parameters.GetInt(BatchBytes);
    }

    /// <summary>Builds <paramref name="job"/> with <paramref name="arguments"/> (execution settings and the job's options) into <paramref name="env"/>.</summary>
    public static void Build(ExampleJob job, IReadOnlyDictionary<string, string> arguments, StreamExecutionEnvironment env)
    {
        Apply(arguments, env);
        job.Build(env, new JobParameters(arguments, job.Options));
    }

    /// <summary>The jobs the host ships (the examples and the Nexmark queries), as a catalog every node of a cluster shares.</summary>
    public static JobCatalog Catalog { get; } = CreateCatalog();

    private static JobCatalog CreateCatalog()
    {
        var catalog = new JobCatalog();
        foreach (var job in ExampleJobs.All)
            catalog.Add(job.Name, (env, arguments) => Build(job, arguments, env));
        NexmarkJobs.AddTo(catalog);
        return catalog;
    }

    /// <summary>Turns the path-valued options of <paramref name="job"/> into absolute paths, as a cluster node must see them.</summary>
    public static void MakePathsAbsolute(ExampleJob job, IDictionary<string, string> arguments)
    {
        foreach (var option in job.Options.Where(o => o.IsPath))
        {
            if (arguments.TryGetValue(option.Name, out var path) && !string.IsNullOrWhiteSpace(path))
                arguments[option.Name] = Path.GetFullPath(path);
        }
    }

}
