namespace ActorStream.Graph.Keys;

/// <summary>Flink's MathUtils.murmurHash: the 32-bit murmur3 mix of one int, made non-negative.</summary>
public static class MurmurHash
{
    /// <summary>Hashes <paramref name="code"/> exactly as Flink's MathUtils.murmurHash(int).</summary>
    public static int Hash(int code)
    {
        unchecked
        {
            var h = (uint)code;
            h *= 0xcc9e2d51;
            h = (h << 15) | (h >> 17);
            h *= 0x1b873593;
            h = (h << 13) | (h >> 19);
            h = h * 5 + 0xe6546b64;
            h ^= 4;
            h ^= h >> 16;
            h *= 0x85ebca6b;
            h ^= h >> 13;
            h *= 0xc2b2ae35;
            h ^= h >> 16;
            var result = (int)h;
            if (result >= 0)
                return result;
            return result != int.MinValue ? -result : 0;
        }
    }
}
