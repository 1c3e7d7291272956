using System.Text.Json;

namespace ActorStream.Host.Tests.Support;

/// <summary>Reads the clicks job's output directory and compares it with <see cref="ClickFile.Simulate"/>'s expectation.</summary>
public static class ClicksOutput
{
    /// <summary>Asserts that the visible part files hold exactly the expected firings, late events and malformed lines.</summary>
    public static void AssertMatches(ClickFile.Expectation expected, string output) =>
        AssertMatches(expected, PartLines(output), PartLines(Path.Combine(output, "late")), PartLines(Path.Combine(output, "errors")));

    /// <summary>
    /// Asserts that the JSON lines of window totals, late events and errors are exactly the expected ones, or with
    /// <paramref name="atLeastOnce"/>, every expected one at least once and nothing else.
    /// </summary>
    public static void AssertMatches(ClickFile.Expectation expected, IEnumerable<string> totals, IEnumerable<string> lateEvents,
        IEnumerable<string> malformed, bool atLeastOnce = false)
    {
        var firings = Parse(totals).ToList();
        Assert.All(firings, f => Assert.Equal(
            ["item", "windowStart", "windowEnd", "clicks", "carts", "buys", "revenue"], f.EnumerateObject().Select(p => p.Name)));
        var actual = firings.Select(f => ClickFile.Firing(f.GetProperty("item").GetString()!,
            f.GetProperty("windowStart").GetInt64(), f.GetProperty("windowEnd").GetInt64(), f.GetProperty("clicks").GetInt64(),
            f.GetProperty("carts").GetInt64(), f.GetProperty("buys").GetInt64(), f.GetProperty("revenue").GetDecimal()));
        AssertSameMultiset(expected.Firings, actual, "window firings", atLeastOnce);

        // Late events are passed on as the lines they came in, byte for byte.
        AssertSameMultiset(expected.Late, lateEvents, "late events", atLeastOnce);

        var errors = Parse(malformed).ToList();
        Assert.All(errors, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("error").GetString())));
        AssertSameMultiset(expected.Errors, errors.Select(e => e.GetProperty("line").GetString()!), "malformed lines", atLeastOnce);
    }

    private static void AssertSameMultiset(IEnumerable<string> expected, IEnumerable<string> actual, string what, bool atLeastOnce)
    {
        if (atLeastOnce)
        {
            var wanted = expected.ToHashSet(StringComparer.Ordinal);
            actual = actual.Distinct(StringComparer.Ordinal).ToList();
            expected = wanted;
        }
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

    /// <summary>The lines of the visible part files; hidden in-progress and pending files are not output.</summary>
    private static IEnumerable<string> PartLines(string directory) => Directory.EnumerateFiles(directory, "part-*").SelectMany(File.ReadLines);

    private static IEnumerable<JsonElement> Parse(IEnumerable<string> lines) => lines.Select(line => JsonDocument.Parse(line).RootElement.Clone());
}
