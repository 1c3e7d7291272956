namespace ActorStream.Graph.Tests.Api;

public sealed class OutputTagTests
{
    [Fact]
    public void Tags_should_be_equal_when_id_and_element_type_are()
    {
        Assert.Equal(new OutputTag<int>("late"), new OutputTag<int>("late"));
        Assert.Equal(new OutputTag<int>("late").GetHashCode(), new OutputTag<int>("late").GetHashCode());
        Assert.NotEqual<OutputTag>(new OutputTag<int>("late"), new OutputTag<long>("late"));
        Assert.NotEqual(new OutputTag<int>("late"), new OutputTag<int>("early"));
    }

    [Fact]
    public void A_tag_should_know_its_element_type_and_print_its_id()
    {
        var tag = new OutputTag<string>("errors");

        Assert.Equal(typeof(string), tag.ElementType);
        Assert.Equal("OutputTag(errors)", tag.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_tag_needs_an_id(string id)
    {
        var error = Assert.Throws<ArgumentException>(() => new OutputTag<int>(id));

        Assert.Equal("id", error.ParamName);
    }
}
