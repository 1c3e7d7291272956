using System.Globalization;
using System.Text.Json;
using ActorStream.Host.Tests.Support;

namespace ActorStream.Host.Tests;

[Collection(JobRunsCollection.Name)]
public sealed class FraudJobSpecs
{
    private static readonly Lazy<IReadOnlyList<string>> Input = new(() => TransactionFile.Generate(60_000, seed: 7));

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Fraud_should_raise_exactly_the_alerts_of_an_independent_implementation(int parallelism)
    {
        using var temp = new TempDirectory();
        var input = temp.Combine("transactions.jsonl");
        var output = temp.Combine("alerts");
        TransactionFile.Write(input, Input.Value);

        var run = await CliRun.InvokeAsync("run", "fraud", "--input", input, "--output", output,
            "--parallelism", parallelism.ToString(CultureInfo.InvariantCulture));

        Assert.True(run.ExitCode == 0, run.ToString());
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
