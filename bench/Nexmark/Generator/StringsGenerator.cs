namespace ActorStream.Bench.Nexmark.Generator;

/// <summary>Random strings for names, descriptions and padding, as the reference's StringsGenerator.</summary>
internal static class StringsGenerator
{
    /// <summary>The shortest string <see cref="NextString"/> draws before trimming.</summary>
    private const int MinStringLength = 3;

    /// <summary>Longer padding is built on the heap rather than the stack.</summary>
    private const int MaxStackChars = 1024;

    /// <summary>
    /// Lower-case letters with about one <paramref name="special"/> in 13, 3 to <paramref name="maxLength"/> - 1
    /// long, then trimmed as Java's <c>String.trim()</c> (which removes a leading or trailing space).
    /// </summary>
    public static string NextString(ref JavaRandom random, int maxLength, char special = ' ')
    {
        var length = MinStringLength + random.NextInt(maxLength - MinStringLength);
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++)
            chars[i] = random.NextInt(13) == 0 ? special : (char)('a' + random.NextInt(26));
        return new string(TrimJava(chars));
    }

    /// <summary>
    /// Exactly <paramref name="length"/> characters, six per <c>nextInt()</c>. As in the reference the draw is signed,
    /// so 'a' + rnd % 26 also yields the characters below 'a' ('H' to '`'), not only letters.
    /// </summary>
    public static string NextExactString(ref JavaRandom random, int length)
    {
        var chars = length <= MaxStackChars ? stackalloc char[length] : new char[length];
        var rnd = 0;
        var left = 0;
        for (var i = 0; i < length; i++)
        {
            if (left == 0)
            {
                rnd = random.NextInt();
                left = 6; // log_26(2^31)
            }
            chars[i] = (char)('a' + rnd % 26);
            rnd /= 26;
            left--;
        }
        return new string(chars);
    }

    /// <summary>Padding such that <paramref name="currentSize"/> plus its length averages <paramref name="desiredAverageSize"/> (±20 %).</summary>
    public static string NextExtra(ref JavaRandom random, int currentSize, int desiredAverageSize)
    {
        if (currentSize > desiredAverageSize)
            return "";
        desiredAverageSize -= currentSize;
        var delta = (int)JavaMath.Round(desiredAverageSize * 0.2);
        var minSize = desiredAverageSize - delta;
        var desiredSize = minSize + (delta == 0 ? 0 : random.NextInt(2 * delta));
        return NextExactString(ref random, desiredSize);
    }

    /// <summary>Java's trim: strips characters up to U+0020 from both ends.</summary>
    private static ReadOnlySpan<char> TrimJava(ReadOnlySpan<char> chars)
    {
        var start = 0;
        var end = chars.Length;
        while (start < end && chars[start] <= ' ')
            start++;
        while (end > start && chars[end - 1] <= ' ')
            end--;
        return chars[start..end];
    }
}
