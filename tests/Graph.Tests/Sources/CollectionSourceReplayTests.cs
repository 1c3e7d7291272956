using ActorStream.Graph.Sources;

namespace ActorStream.Graph.Tests.Sources;

public sealed class CollectionSourceReplayTests
{
    private static readonly CollectionSource<string> Source = new(["a", "b", "c", "d", "e"]);

    [Theory]
    [InlineData(0, new[] { "a", "b", "c", "d", "e" })]
    [InlineData(2, new[] { "c", "d", "e" })]
    [InlineData(5, new string[0])]
    public void Restored_reader_should_emit_exactly_the_elements_after_the_snapshot(int taken, string[] remaining)
    {
        var (emitted, states) = SourceReplay.ReadThenSnapshot(Source, 1, _ => taken);

        Assert.Equal(new[] { "a", "b", "c", "d", "e" }[..taken], emitted);
        Assert.Equal(remaining, SourceReplay.ReadRestored(Source, states, 1));
    }

    [Fact]
    public void A_reader_restored_twice_should_keep_counting_from_the_first_snapshot()
    {
        var (first, states) = SourceReplay.ReadThenSnapshot(Source, 1, _ => 1);
        var (second, again) = SourceReplay.ReadThenSnapshot(Source, 1, _ => 2, states);

        Assert.Equal(["a"], first);
        Assert.Equal(["b", "c"], second);
        Assert.Equal(["d", "e"], SourceReplay.ReadRestored(Source, again, 1));
    }
}
