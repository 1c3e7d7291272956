using System.Buffers.Binary;

namespace ActorStream.Connectors.Generator;

/// <summary>
/// A <see cref="Random"/> driven by SplitMix64 that can be re-seeded in place, so a reader hands
/// each element its own deterministic stream without allocating a generator per element.
/// </summary>
internal sealed class SplitMixRandom : Random
{
    private ulong _state;

    /// <summary>Creates a generator with the given state.</summary>
    public SplitMixRandom(ulong state = 0) => _state = state;

    /// <summary>Restarts the stream from <paramref name="state"/>.</summary>
    public void Reset(ulong state) => _state = state;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64() => SplitMix64.Mix(_state += SplitMix64.Gamma);

    public override int Next()
    {
        // [0, int.MaxValue): reject the one 31-bit value that is out of range, as the runtime's Xoshiro does.
        while (true)
        {
            var result = (int)(NextUInt64() >> 33);
            if (result != int.MaxValue)
                return result;
        }
    }

    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)NextBelow((ulong)maxValue);
    }

    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return (int)(minValue + (long)NextBelow((ulong)((long)maxValue - minValue)));
    }

    public override long NextInt64()
    {
        while (true)
        {
            var result = (long)(NextUInt64() >> 1);
            if (result != long.MaxValue)
                return result;
        }
    }

    public override long NextInt64(long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (long)NextBelow((ulong)maxValue);
    }

    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return unchecked(minValue + (long)NextBelow((ulong)maxValue - (ulong)minValue));
    }

    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public override float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1 << 24));

    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    public override void NextBytes(Span<byte> buffer)
    {
        while (buffer.Length >= sizeof(ulong))
        {
            BinaryPrimitives.WriteUInt64LittleEndian(buffer, NextUInt64());
            buffer = buffer[sizeof(ulong)..];
        }
        if (buffer.IsEmpty)
            return;
        Span<byte> last = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(last, NextUInt64());
        last[..buffer.Length].CopyTo(buffer);
    }

    protected override double Sample() => NextDouble();

    /// <summary>A uniform value in [0, <paramref name="bound"/>), without modulo bias (Lemire's method).</summary>
    private ulong NextBelow(ulong bound)
    {
        if (bound <= 1)
            return 0;
        var high = Math.BigMul(NextUInt64(), bound, out var low);
        if (low < bound)
        {
            var threshold = (0 - bound) % bound;
            while (low < threshold)
                high = Math.BigMul(NextUInt64(), bound, out low);
        }
        return high;
    }
}
