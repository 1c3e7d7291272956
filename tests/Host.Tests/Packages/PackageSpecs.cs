using System.Diagnostics;
using System.Text.RegularExpressions;
using ActorStream.Host.Tests.Support;

namespace ActorStream.Host.Tests.Packages;

/// <summary>
/// The packages as a new user gets them: the solution packed into a local feed, a fresh console app outside the
/// repository that references only ActorStream and ActorStream.Connectors from it (no project references), whose
/// Program.cs is the README's API example as written plus a keyed window job; and the CLI installed as a .NET tool.
/// </summary>
[Collection(JobRunsCollection.Name)]
public sealed partial class PackageSpecs
{
    /// <summary>A version no earlier run restored: NuGet's global cache would otherwise serve that run's packages.</summary>
    private static readonly string Version = $"0.0.0-smoke.{DateTime.UtcNow:yyyyMMddHHmmss}";

    [Fact]
    public async Task A_console_app_on_the_packed_packages_should_run_the_readme_example_and_a_window_job_and_the_tool_should_install()
    {
        using var temp = new TempDirectory();
        var feed = temp.Combine("feed");
        await DotnetAsync(Repository.Root, "pack", "ActorStream.sln", "-c", "Release", "--no-build", "-o", feed, $"-p:PackageVersion={Version}");
        try
        {
            var app = temp.Combine("app");
            Directory.CreateDirectory(app);
            await File.WriteAllTextAsync(Path.Combine(app, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="local" value="{feed}" />
                    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                  </packageSources>
                </configuration>
                """);
            await File.WriteAllTextAsync(Path.Combine(app, "App.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <!-- This machine's NuGet mirror lacks some exact minimum versions of Akka's dependencies: the next is taken. -->
                    <WarningsNotAsErrors>NU1603</WarningsNotAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="ActorStream" Version="{Version}" />
                    <PackageReference Include="ActorStream.Connectors" Version="{Version}" />
                  </ItemGroup>
                </Project>
                """);
            await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), ReadmeApiExample() + "\nawait WindowJob.RunAsync();\n");
            await File.WriteAllTextAsync(Path.Combine(app, "WindowJob.cs"), WindowJobSource);
            await File.WriteAllTextAsync(Path.Combine(app, "book.txt"), "to be or not to be\nthat is the question\n");

            var output = await DotnetAsync(app, "run", "-c", "Release");

            var counts = Directory.GetFiles(Path.Combine(app, "out", "wc"), "part-*").SelectMany(File.ReadLines).Order().ToList();
            Assert.Equal(["be\t2", "is\t1", "not\t1", "or\t1", "question\t1", "that\t1", "the\t1", "to\t2"], counts);
            Assert.Matches(@"(?m)^[0-9a-f]{32} took ", output);
            // Print writes "subtask> value"; the windows are [0, 10), [10, 20), [20, 30).
            var windows = WindowLine().Matches(output).Select(m => m.Groups[1].Value).Order();
            Assert.Equal(["window a: 4", "window a: 6", "window b: 5", "window b: 7"], windows);

            var tools = temp.Combine("tools");
            await DotnetAsync(temp.Path, "tool", "install", "ActorStream.Cli", "--version", Version, "--tool-path", tools, "--add-source", feed);
            var jobs = await RunAsync(Path.Combine(tools, "actorstream"), temp.Path, "jobs");
            Assert.Contains("wordcount", jobs);
            Assert.Contains("amazon-etl", jobs);
        }
        finally
        {
            ForgetCachedPackages();
        }
    }

    /// <summary>A keyed event-time window job as a user writes it against the packages.</summary>
    private const string WindowJobSource = """
        using ActorStream.Graph;
        using ActorStream.Graph.Windowing;

        public static class WindowJob
        {
            public static async Task RunAsync()
            {
                var env = StreamExecutionEnvironment.GetExecutionEnvironment();
                env.Parallelism = 2;
                (string Key, long Amount, long At)[] events = [("a", 1, 1), ("b", 5, 2), ("a", 2, 3), ("a", 3, 9), ("a", 4, 12), ("b", 7, 25)];
                env.FromCollection(events)
                    .AssignTimestampsAndWatermarks(WatermarkStrategy<(string Key, long Amount, long At)>.ForMonotonousTimestamps()
                        .WithTimestampAssigner((e, _) => e.At))
                    .KeyBy(e => e.Key)
                    .Window(TumblingEventTimeWindows.Of(TimeSpan.FromMilliseconds(10)))
                    .Sum(e => e.Amount)
                    .Map(s => $"window {s.Key}: {s.Value}")
                    .Print();
                await env.ExecuteAsync("windows");
            }
        }
        """;

    private static string ReadmeApiExample()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var api = readme[readme.IndexOf("## The API", StringComparison.Ordinal)..];
        return ApiExample().Match(api) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("README has no API example.");
    }

    [GeneratedRegex(@"(?m)^(?:\d+> )?(window \w+: \d+)\r?$")]
    private static partial Regex WindowLine();

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ApiExample();

    private static Task<string> DotnetAsync(string directory, params string[] args) => RunAsync("dotnet", directory, args);

    private static async Task<string> RunAsync(string program, string directory, params string[] args)
    {
        var start = new ProcessStartInfo(program, args) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} failed (exit {process.ExitCode}):\n{output}");
        return output;
    }

    /// <summary>Removes this run's packages from NuGet's global cache (each run has its own version; they would pile up).</summary>
    private static void ForgetCachedPackages()
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var package in new[] { "actorstream", "actorstream.graph", "actorstream.connectors", "actorstream.testing", "actorstream.cli", "actorstream.hosting" })
        {
            var folder = Path.Combine(cache, package, Version);
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
            if (Directory.Exists(Path.GetDirectoryName(folder)) && !Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(folder)!).Any())
                Directory.Delete(Path.GetDirectoryName(folder)!);
        }
    }
}
