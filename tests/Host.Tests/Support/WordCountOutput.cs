using System.Globalization;
using System.Text.RegularExpressions;

namespace ActorStream.Host.Tests.Support;

/// <summary>Reads word-count part files and counts words independently of the job.</summary>
public static partial class WordCountOutput
{
    /// <summary>The lines of every committed part file in <paramref name="directory"/>, in file-name order; fails on hidden leftovers.</summary>
    public static IReadOnlyList<(string Word, long Count)> ReadLines(string directory)
    {
        var files = Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.DoesNotContain(files, f => f!.StartsWith('.') || f.EndsWith(".inprogress", StringComparison.Ordinal));
        Assert.All(files, f => Assert.Matches(@"^part-\d+-\d+\.txt$", f!));
        return files
            .SelectMany(f => File.ReadAllLines(Path.Combine(directory, f!)))
            .Select(line =>
            {
                var tab = line.LastIndexOf('\t');
                Assert.True(tab > 0, $"Line '{line}' is not 'word<TAB>count'.");
                return (line[..tab], long.Parse(line[(tab + 1)..], CultureInfo.InvariantCulture));
            })
            .ToList();
    }

    /// <summary>Counts words the way the job is specified to: runs of \p{L} and \p{Nd}, lower-cased invariantly.</summary>
    public static Dictionary<string, long> CountIndependently(string text) =>
        WordPattern().Matches(text)
            .GroupBy(m => m.Value.ToLowerInvariant(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);

    [GeneratedRegex(@"[\p{L}\p{Nd}]+")]
    private static partial Regex WordPattern();
}
