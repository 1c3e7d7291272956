using System.Text;
using ActorStream.Host.Tests.Support;

namespace ActorStream.Host.Tests;

[Collection(JobRunsCollection.Name)]
public sealed class WordCountJobSpecs
{
    private static readonly Lazy<string> LargeText = new(() => MixedText.Generate(2_500_000));

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public async Task Wordcount_should_write_exactly_one_line_per_word_with_exact_counts(int parallelism)
    {
        using var temp = new TempDirectory();
        var input = temp.Combine("mixed.txt");
        var output = temp.Combine("counts");
        await File.WriteAllTextAsync(input, LargeText.Value, new UTF8Encoding(false));

        var run = await CliRun.InvokeAsync("run", "wordcount", "--input", input, "--output", output,
            "--parallelism", parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(run.ExitCode == 0, run.ToString());
        var expected = WordCountOutput.CountIndependently(LargeText.Value);
        var lines = WordCountOutput.ReadLines(output);
        var duplicates = lines.GroupBy(l => l.Word).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"Words with more than one line: {string.Join(", ", duplicates.Take(10))}");
        var actual = lines.ToDictionary(l => l.Word, l => l.Count, StringComparer.Ordinal);
        Assert.Equal(expected.OrderBy(kv => kv.Key, StringComparer.Ordinal), actual.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Contains("words", run.Out);
        Assert.Contains(expected.Values.Sum().ToString("N0", System.Globalization.CultureInfo.InvariantCulture), run.Out);
    }

    [Fact]
    public async Task Wordcount_in_streaming_mode_should_write_every_running_count()
    {
        using var temp = new TempDirectory();
        var input = temp.Combine("small.txt");
        var output = temp.Combine("counts");
        var text = MixedText.Generate(40_000, seed: 7);
        await File.WriteAllTextAsync(input, text, new UTF8Encoding(false));

        var run = await CliRun.InvokeAsync("run", "wordcount", "--input", input, "--output", output, "--parallelism", "2", "--mode", "streaming");

        Assert.True(run.ExitCode == 0, run.ToString());
        var expected = WordCountOutput.CountIndependently(text);
        var lines = WordCountOutput.ReadLines(output);
        Assert.Equal(expected.Values.Sum(), lines.Count);
        // Each word is counted by one subtask, which writes its running counts 1, 2, ..., n in order.
        foreach (var group in lines.GroupBy(l => l.Word))
            Assert.Equal(Enumerable.Range(1, (int)expected[group.Key]).Select(i => (long)i), group.Select(l => l.Count));
    }
}
