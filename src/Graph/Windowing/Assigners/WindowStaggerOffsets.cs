namespace ActorStream.Graph.Windowing;

/// <summary>Computes a subtask's stagger offset for each <see cref="WindowStagger"/>.</summary>
public static class WindowStaggerOffsets
{
    /// <summary>
    /// The offset in [0, <paramref name="size"/>) that <paramref name="stagger"/> gives subtask
    /// <paramref name="subtaskIndex"/> when its first element arrives at processing time <paramref name="now"/>.
    /// </summary>
    public static long Of(WindowStagger stagger, long now, long size, int subtaskIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        ArgumentOutOfRangeException.ThrowIfNegative(subtaskIndex);
        return stagger switch
        {
            WindowStagger.Aligned => 0,
            WindowStagger.Random => (long)(UnitFraction(subtaskIndex) * size),
            WindowStagger.Natural => Math.Max(0, now - TimeWindow.GetWindowStartWithOffset(now, 0, size)),
            _ => throw new ArgumentOutOfRangeException(nameof(stagger), stagger, "Unknown window stagger."),
        };
    }

    /// <summary>A fraction in [0, 1) from SplitMix64 of the subtask index: spread like a random draw, yet the same in every run.</summary>
    private static double UnitFraction(int subtaskIndex)
    {
        var z = unchecked((ulong)subtaskIndex + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
