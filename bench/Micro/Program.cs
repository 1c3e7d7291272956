using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ActorStream.Bench.Micro;

/// <summary>Runs the micro-benchmarks chosen on the command line (BenchmarkDotNet's switcher: --filter, --job, ...).</summary>
public static class Program
{
    /// <summary>Entry point: <c>dotnet run -c Release --project bench/Micro -- --filter '*' --job short</c>.</summary>
    public static void Main(string[] args)
    {
        // In process: BenchmarkDotNet's generated boilerplate project would not build under the repository's central
        // package management and warnings-as-errors, and the benchmarks need the internals of ActorStream.Actors anyway.
        var config = DefaultConfig.Instance
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsMutator())
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "actorstream-bench-micro"));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
