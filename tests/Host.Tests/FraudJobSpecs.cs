using System.Globalization;
using System.Text.Json;
using ActorStream.Host.Tests.Support;

namespace ActorStream.Host.Tests;

[Collection(JobRunsCollection.Name)]
public sealed class FraudJobSpecs
{
    private static readonly Lazy<IReadOnlyList<string>> Input = new(() => TransactionFile.Generate(60_000, seed: 7));

    [Theory]
    [InlineData(1, false)]
    [InlineData(4, false)]
    [InlineData(4, true)]
    public async Task Fraud_should_raise_exactly_the_alerts_of_an_independent_implementation(int parallelism, bool injectFailure)
    {
        using var temp = new TempDirectory();
        var input = temp.Combine("transactions.jsonl");
        var output = temp.Combine("alerts");
        TransactionFile.Write(input, Input.Value);
        string[] recovery = injectFailure
            ? ["--checkpoint-interval", "100ms", "--state-db", temp.Combine("state.db"), "--rate", "30000", "--inject-failure-after", "30000"]
            : [];

        var run = await CliRun.InvokeAsync(["run", "fraud", "--input", input, "--output", output,
            "--parallelism", parallelism.ToString(CultureInfo.InvariantCulture), .. recovery], CancellationToken.None);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(injectFailure, run.Out.Contains("  restarts  1\n", StringComparison.Ordinal));
        var expected = TransactionFile.ExpectedAlerts(Input.Value, out var malformed);
        Assert.NotEmpty(expected);
        var actual = ReadJsonLines(output).Select(a => TransactionFile.Alert(
            a.GetProperty("account").GetString()!, a.GetProperty("smallTs").GetInt64(),
            a.GetProperty("largeTs").GetInt64(), a.GetProperty("amount").GetDecimal())).ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));

        var errors = ReadJsonLines(Path.Combine(output, "errors")).ToList();
        Assert.Equal(malformed, errors.Count);
        Assert.All(errors, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("error").GetString())));
        var malformedLines = Input.Value.Where(l => !IsWellFormed(l)).Order(StringComparer.Ordinal);
        Assert.Equal(malformedLines, errors.Select(e => e.GetProperty("line").GetString()!).Order(StringComparer.Ordinal));
    }

    private static bool IsWellFormed(string line) =>
        TransactionFile.ExpectedAlerts([line], out var malformed) is not null && malformed == 0;

    private static IEnumerable<JsonElement> ReadJsonLines(string directory) =>
        Directory.EnumerateFiles(directory, "part-*")
            .SelectMany(File.ReadLines)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone());
}
