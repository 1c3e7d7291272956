using System.Globalization;
using System.Text.Json;
using ActorStream.Host.Tests.Support;

namespace ActorStream.Host.Tests;

[Collection(JobRunsCollection.Name)]
public sealed class ClicksJobSpecs
{
    private static readonly Lazy<IReadOnlyList<string>> Input = new(() => ClickFile.Generate(30_000, seed: 11));

    [Theory]
    [InlineData(1, 10_000, 5_000, 2_000)]
    [InlineData(4, 10_000, 5_000, 2_000)]
    [InlineData(4, 3_000, 0, 0)]
    public async Task Clicks_should_write_exactly_the_firings_late_events_and_errors_of_an_independent_simulation(
        int parallelism, long window, long lateness, long outOfOrderness)
    {
        using var temp = new TempDirectory();
        var input = temp.Combine("clicks.jsonl");
        var output = temp.Combine("windows");
        ClickFile.Write(input, Input.Value);

        var run = await CliRun.InvokeAsync("run", "clicks", "--input", input, "--output", output,
            "--window", Millis(window), "--allowed-lateness", Millis(lateness), "--out-of-orderness", Millis(outOfOrderness),
            "--parallelism", parallelism.ToString(CultureInfo.InvariantCulture));

        Assert.True(run.ExitCode == 0, run.ToString());
        var expected = ClickFile.Simulate(Input.Value, window, lateness, outOfOrderness);
        if (lateness > 0)
            Assert.True(expected.LateFirings > 100, $"Only {expected.LateFirings} late firings: the input does not exercise the allowed lateness.");
        Assert.True(expected.Late.Count > 100, $"Only {expected.Late.Count} late events: the input does not exercise the late side output.");

        var firings = ReadJsonLines(output).ToList();
        Assert.All(firings, f => Assert.Equal(
            ["item", "windowStart", "windowEnd", "clicks", "carts", "buys", "revenue"], f.EnumerateObject().Select(p => p.Name)));
        var actual = firings.Select(f => ClickFile.Firing(f.GetProperty("item").GetString()!,
            f.GetProperty("windowStart").GetInt64(), f.GetProperty("windowEnd").GetInt64(), f.GetProperty("clicks").GetInt64(),
            f.GetProperty("carts").GetInt64(), f.GetProperty("buys").GetInt64(), f.GetProperty("revenue").GetDecimal()));
        AssertSameMultiset(expected.Firings, actual, "window firings");

        var late = ReadJsonLines(Path.Combine(output, "late")).Select(e => ClickFile.LateEvent(
            e.TryGetProperty("user", out var user) ? user.GetString() : null, e.GetProperty("item").GetString()!,
            e.GetProperty("action").GetString()!, e.GetProperty("price").GetDecimal(), e.GetProperty("ts").GetInt64()));
        AssertSameMultiset(expected.Late, late, "late events");

        var errors = ReadJsonLines(Path.Combine(output, "errors")).ToList();
        Assert.All(errors, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("error").GetString())));
        AssertSameMultiset(expected.Errors, errors.Select(e => e.GetProperty("line").GetString()!), "malformed lines");
    }

    [Fact]
    public async Task Clicks_with_a_window_shorter_than_a_millisecond_should_fail_naming_the_option()
    {
        using var temp = new TempDirectory();
        var input = temp.Combine("clicks.jsonl");
        ClickFile.Write(input, Input.Value.Take(10));

        var run = await CliRun.InvokeAsync("run", "clicks", "--input", input, "--output", temp.Combine("out"), "--window", "0s");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("--window: '0s' is shorter than a millisecond.", run.Error);
    }

    private static void AssertSameMultiset(IEnumerable<string> expected, IEnumerable<string> actual, string what)
    {
        var missing = expected.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var extra = new List<string>();
        foreach (var line in actual)
        {
            if (missing.TryGetValue(line, out var count) && count > 0)
                missing[line] = count - 1;
            else
                extra.Add(line);
        }
        var absent = missing.Where(kv => kv.Value > 0).SelectMany(kv => Enumerable.Repeat(kv.Key, kv.Value)).ToList();
        Assert.True(absent.Count == 0 && extra.Count == 0,
            $"The {what} differ: {absent.Count} expected but missing, e.g. [{string.Join("; ", absent.Order(StringComparer.Ordinal).Take(5))}]; " +
            $"{extra.Count} unexpected, e.g. [{string.Join("; ", extra.Order(StringComparer.Ordinal).Take(5))}].");
    }

    private static string Millis(long millis) => millis.ToString(CultureInfo.InvariantCulture) + "ms";

    private static IEnumerable<JsonElement> ReadJsonLines(string directory) =>
        Directory.EnumerateFiles(directory, "part-*")
            .SelectMany(File.ReadLines)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone());
}
