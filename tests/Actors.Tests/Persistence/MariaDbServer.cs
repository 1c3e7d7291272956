using System.Diagnostics;
using ActorStream.Actors.Persistence;
using MySqlConnector;

namespace ActorStream.Actors.Tests.Persistence;

/// <summary>
/// A MariaDB server for the tests of a class, with a fresh database that is dropped afterwards.
/// Uses the server in ACTORSTREAM_TEST_MARIADB if set, else starts one with scripts/mariadb.sh
/// (once per test run: the script finds its server running the second time).
/// </summary>
public sealed class MariaDbServer : IAsyncLifetime
{
    /// <summary>The environment variable scripts/test.sh sets to the server's connection string.</summary>
    public const string EnvironmentVariable = "ACTORSTREAM_TEST_MARIADB";

    private static readonly Lazy<Task<string>> Server = new(ResolveServerAsync);
    private string _serverConnectionString = "";
    private string _database = "";

    /// <summary>The state store on this class's database.</summary>
    public StateStoreSettings Settings { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new MySqlConnectionStringBuilder(await Server.Value) { Database = "" };
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
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new MySqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> ResolveServerAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
            return given;

        var script = Path.Combine(RepositoryRoot(), "scripts", "mariadb.sh");
        var start = new ProcessStartInfo("bash", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
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
