using System.Text;

namespace ActorStream.Host.Tests.Support;

/// <summary>
/// Deterministic multilingual text for word-count tests: Latin with accents and ß, Cyrillic, Greek,
/// CJK, Turkish dotted and dotless i, other scripts' digits, combining marks, surrogate pairs,
/// apostrophes, hyphens, punctuation and mixed case.
/// </summary>
public static class MixedText
{
    private static readonly string[] Vocabulary =
    [
        "Straße", "STRASSE", "straße", "ÉCOLE", "école", "Ecole", "naïve", "café", "Café", "CAFÉ", "Ångström", "Øresund",
        "Łódź", "façade", "coöperate", "niño", "über", "Über", "Ÿ", "œuvre", "Æsir",
        "Москва", "москва", "МОСКВА", "привет", "Ёлка", "ёлка", "Україна", "їжак", "Ґанок",
        "Ελλάδα", "ελλάδα", "ΣΟΦΙΑ", "σοφία", "Οδυσσεύς", "ΟΔΥΣΣΕΥΣ", "λόγος", "ΐ",
        "東京", "北京大学", "日本語", "漢字", "한국어", "ひらがな", "カタカナ", "中文字符",
        "İstanbul", "ISTANBUL", "istanbul", "ırmak", "Işık", "IŞIK", "ılık", "İ", "ı",
        "2024", "42", "007", "٣٤", "१२३", "x86", "3rd", "1st", "Ⅻ", "½", "²",
        "don't", "l'école", "rock'n'roll", "O'Brien", "it’s", "well-known", "state-of-the-art", "e-mail", "snake_case",
        "नमस्ते", "مرحبا", "שלום", "e\u0301te\u0301", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "😀ok😀", "𠀋字", "ǅemal", "ǈubljana",
        "the", "The", "THE", "and", "of", "a", "to", "in", "stream", "Stream", "flink", "Akka", "ACTOR",
    ];

    private static readonly string[] Syllables =
    [
        "ka", "lo", "mi", "ße", "ré", "ju", "ПО", "ли", "ты", "λα", "μό", "ğı", "İş", "中", "文", "x", "7", "ñu", "Ω",
    ];

    private static readonly string[] Separators =
    [
        " ", " ", " ", " ", ", ", ". ", "! ", "? ", "; ", ": ", " — ", "… ", " «", "» ", " “", "” ", " (", ") ", "/", "\t", " - ", "_", "·",
    ];

    /// <summary>Lines of text of at least <paramref name="utf8Bytes"/> bytes in UTF-8, the same for the same seed.</summary>
    public static string Generate(int utf8Bytes, int seed = 20260101)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        var bytes = 0;
        while (bytes < utf8Bytes)
        {
            var line = new StringBuilder();
            var words = random.Next(0, 18);
            for (var w = 0; w < words; w++)
            {
                if (w > 0 || random.Next(5) == 0)
                    line.Append(Separators[random.Next(Separators.Length)]);
                line.Append(Word(random));
            }
            if (random.Next(4) == 0)
                line.Append(Separators[random.Next(Separators.Length)]);
            text.Append(line).Append('\n');
            bytes += Encoding.UTF8.GetByteCount(line.ToString()) + 1;
        }
        return text.ToString();
    }

    private static string Word(Random random)
    {
        if (random.Next(3) > 0)
        {
            // Zipf-like: low indexes are much more frequent.
            var index = (int)(Vocabulary.Length * Math.Pow(random.NextDouble(), 2.5));
            return Vocabulary[Math.Min(index, Vocabulary.Length - 1)];
        }
        var word = new StringBuilder();
        var syllables = random.Next(1, 5);
        for (var s = 0; s < syllables; s++)
            word.Append(Syllables[random.Next(Syllables.Length)]);
        return random.Next(6) switch
        {
            0 => word.ToString().ToUpperInvariant(),
            1 => char.ToUpperInvariant(word[0]) + word.ToString()[1..],
            _ => word.ToString(),
        };
    }
}
