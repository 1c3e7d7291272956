using System.Globalization;
using ActorStream.Bench.Nexmark.Generator;
using ActorStream.Bench.Nexmark.Queries;
using ActorStream.Examples;
using ActorStream.Graph;

namespace ActorStream.Host.Commands;

/// <summary>
/// The Nexmark queries as named jobs of the host's catalog ("nexmark-q5"): a benchmark spread over several nodes is
/// submitted by spec, and every node builds the same query, generator and sink from the spec's arguments.
/// </summary>
internal static class NexmarkJobs
{
    private const string Events = "events";
    private const string Seed = "seed";
    private const string Output = "output";

    /// <summary>The catalog name of <paramref name="query"/>'s job, also the job name of a one-node run.</summary>
    public static string NameOf(NexmarkQuery query) => $"nexmark-{query.Name}";

    /// <summary>Registers every query under <see cref="NameOf"/>.</summary>
    public static void AddTo(JobCatalog catalog)
    {
        foreach (var query in NexmarkQueries.All)
            catalog.Add(NameOf(query), (env, arguments) => Build(query, env, arguments));
    }

    /// <summary>The arguments of <paramref name="run"/>'s job: its execution settings, events, seed and (absolute) output directory.</summary>
    public static Dictionary<string, string> Arguments(NexmarkBenchRun run, int parallelism)
    {
        var invariant = CultureInfo.InvariantCulture;
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ExecutionArguments.Parallelism] = parallelism.ToString(invariant),
            // A streaming benchmark: watermarks flow as in the reference, although the generated input is bounded.
            [ExecutionArguments.Mode] = "streaming",
            [Events] = run.Events.ToString(invariant),
            [Seed] = run.Seed.ToString(invariant),
        };
        foreach (var (name, value) in run.Exchange)
            arguments[name] = value;
        if (run.CheckpointInterval is { } interval)
            arguments[ExecutionArguments.CheckpointInterval] = $"{interval.TotalMilliseconds.ToString(invariant)}ms";
        // Every node writes its subtasks' part files into the same directory, whatever its working directory.
        if (run.OutputDirectory is { } output)
            arguments[Output] = Path.GetFullPath(output);
        return arguments;
    }

    private static void Build(NexmarkQuery query, StreamExecutionEnvironment env, IReadOnlyDictionary<string, string> arguments)
    {
        ExecutionArguments.Apply(arguments, env);
        var parameters = new JobParameters(arguments);
        var generator = new NexmarkGenerator(new GeneratorConfig { Seed = parameters.GetLong(Seed) });
        query.AddTo(env, generator, parameters.GetLong(Events), parameters.Get(Output));
    }
}
