using System.Diagnostics;
using ActorStream.Actors.Persistence;
using MySqlConnector;

namespace ActorStream.Actors.Tests.Persistence;

/// <summary>
/// A MariaDB server for the tests of a class, with a fresh database that is dropped afterwards.
/// Uses the server in ACTORSTREAM_TEST_MARIADB if set, else starts one with scripts/mariadb.sh
/// (once per test run: the script finds its server running the second time). With a
/// <c>privatePort</c>, the class gets a server of its own on that port, which it may stop and start
/// again (state-store outage specs) without disturbing the other tests.
/// </summary>
public sealed class MariaDbServer : IAsyncLifetime
{
    private readonly int? privatePort;
    /// <summary>A fresh database on the shared test server (class fixtures need a single parameterless constructor).</summary>
    public MariaDbServer()
    {
    }

    private MariaDbServer(int port) => privatePort = port;

#if XUNIT_V3
    // xunit v3 (the hosting specs) asks for ValueTasks.
    ValueTask IAsyncLifetime.InitializeAsync() => new(InitializeAsync());

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
#endif

    /// <summary>A fresh database on a server of its own on <paramref name="port"/>, which the caller may stop and start.</summary>
    public static MariaDbServer OnPrivatePort(int port) => new(port);

    /// <summary>The environment variable scripts/test.sh sets to the server's connection string.</summary>
    public const string EnvironmentVariable = "ACTORSTREAM_TEST_MARIADB";

    private static readonly Lazy<Task<string>> Server = new(ResolveServerAsync);
    private string _serverConnectionString = "";
    private string _database = "";

    /// <summary>The state store on this class's database.</summary>
    public StateStoreSettings Settings { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var server = privatePort is { } port ? await RunScriptAsync(port) : await Server.Value;
        var builder = new MySqlConnectionStringBuilder(server) { Database = "" };
        _serverConnectionString = builder.ConnectionString;
        _database = $"actorstream_test_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE `{_database}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        builder.Database = _database;
        Settings = StateStoreSettings.Parse(builder.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await MySqlConnection.ClearAllPoolsAsync();
        await ExecuteAsync($"DROP DATABASE IF EXISTS `{_database}`");
        // A private server is the class's own: it stops with the class, not left running on the machine after the suite.
        if (privatePort is not null)
            await StopServerAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new MySqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Shuts the private server down (SIGTERM, as an operator would) and waits until it no longer answers.</summary>
    public async Task StopServerAsync()
    {
        var port = privatePort ?? throw new InvalidOperationException("Only a private server can be stopped.");
        var pidFile = Path.Combine(Environment.GetEnvironmentVariable("TMPDIR") ?? "/tmp", $"actorstream-mariadb-{port}", "mariadbd.pid");
        var pid = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        using var server = Process.GetProcessById(pid);
        // SIGTERM: mariadbd shuts down cleanly (Process.Kill would send SIGKILL).
        using (var kill = Process.Start("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        await server.WaitForExitAsync();
    }

    /// <summary>Starts the private server again (its data survives).</summary>
    public Task StartServerAsync() => RunScriptAsync(privatePort ?? throw new InvalidOperationException("Only a private server can be started."));

    private static async Task<string> ResolveServerAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
            return given;
        return await RunScriptAsync(port: null);
    }

    private static async Task<string> RunScriptAsync(int? port)
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "mariadb.sh");
        var start = new ProcessStartInfo("bash", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (port is { } p)
            start.Environment["ACTORSTREAM_MARIADB_PORT"] = p.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot run {script}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A first run may install MariaDB with apt-get.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        var output = (await stdout).Trim();
        if (process.ExitCode != 0 || output.Length == 0)
            throw new InvalidOperationException($"{script} failed (exit code {process.ExitCode}):\n{await stderr}");
        return output;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActorStream.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No ActorStream.sln above {AppContext.BaseDirectory}; set {EnvironmentVariable} instead.");
    }
}
