using ActorStream.Graph;

namespace ActorStream.Examples.WordCount;

/// <summary>
/// Splits lines into lower-cased words, emitting (word, 1) for each. A word is a maximal run of
/// letters and decimal digits (char.IsLetter or char.IsDigit), so "don't" is "don" and "t" and
/// "well-known" is "well" and "known".
/// </summary>
public sealed class Tokenizer : RichFlatMapFunction<string, (string Word, long Count)>
{
    /// <summary>The counter of lines read.</summary>
    public const string LinesCounter = "lines";

    /// <summary>The counter of words emitted.</summary>
    public const string WordsCounter = "words";

    private ICounter _lines = null!;
    private ICounter _words = null!;

    /// <inheritdoc />
    public override void Open()
    {
        _lines = RuntimeContext.GetCounter(LinesCounter);
        _words = RuntimeContext.GetCounter(WordsCounter);
    }

    /// <inheritdoc />
    public override void FlatMap(string line, ICollector<(string Word, long Count)> output)
    {
        _lines.Add();
        var start = -1;
        for (var i = 0; i <= line.Length; i++)
        {
            // i == line.Length acts as a final separator, so a word at the end of the line is emitted too.
            var inWord = i < line.Length && (char.IsLetter(line[i]) || char.IsDigit(line[i]));
            if (inWord)
            {
                if (start < 0)
                    start = i;
                continue;
            }
            if (start < 0)
                continue;
            output.Collect((LowerCase(line, start, i - start), 1L));
            _words.Add();
            start = -1;
        }
    }

    /// <summary>The lower-cased slice as one new string: no intermediate substring.</summary>
    private static string LowerCase(string line, int start, int length) =>
        string.Create(length, (line, start), static (span, slice) =>
            slice.line.AsSpan(slice.start, span.Length).ToLowerInvariant(span));
}
