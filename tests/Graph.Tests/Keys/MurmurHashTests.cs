using ActorStream.Graph.Keys;

namespace ActorStream.Graph.Tests.Keys;

public sealed class MurmurHashTests
{
    // Reference values from Flink's MathUtils.murmurHash(int), ported verbatim to a Java 17 program
    // (code *= 0xcc9e2d51; rotateLeft 15; *= 0x1b873593; rotateLeft 13; *5 + 0xe6546b64; ^= 4; bitMix; abs)
    // and run with OpenJDK 17.0.15.
    [Theory]
    [InlineData(0, 593689054)]
    [InlineData(1, 68075478)]
    [InlineData(2, 1085422463)]
    [InlineData(3, 847579505)]
    [InlineData(42, 1134849565)]
    [InlineData(-1, 1982413648)]
    [InlineData(-42, 189366624)]
    [InlineData(123456789, 1088346449)]
    [InlineData(int.MaxValue, 1653689534)]
    [InlineData(int.MinValue, 1718298732)]
    public void Hash_should_match_Flink_murmurHash(int code, int expected) => Assert.Equal(expected, MurmurHash.Hash(code));

    [FsCheck.Xunit.Property]
    public bool Hash_should_never_be_negative(int code) => MurmurHash.Hash(code) >= 0;
}
