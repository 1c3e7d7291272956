using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Tests.Api;

public sealed class TypeNamesTests
{
    [Theory]
    [InlineData(typeof(long), "Int64")]
    [InlineData(typeof((string, long)), "ValueTuple<String, Int64>")]
    [InlineData(typeof(Dictionary<string, List<int>>), "Dictionary<String, List<Int32>>")]
    [InlineData(typeof(int[]), "Int32[]")]
    public void Readable_should_spell_generic_types_like_CSharp(Type type, string expected) =>
        Assert.Equal(expected, TypeNames.Readable(type));

    [Fact]
    public void A_stream_type_should_print_its_readable_name() =>
        Assert.Equal("ValueTuple<String, Int32>", StreamType<(string, int)>.Instance.ToString());
}
