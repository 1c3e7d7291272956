using ActorStream.Connectors.Formats;

namespace ActorStream.Connectors.Tests.Formats;

public sealed class JsonLinesTests
{
    public sealed record Trade(string Symbol, long Quantity, string? Note = null);

    [Fact]
    public void TryDecode_should_read_a_camel_case_line()
    {
        Assert.True(JsonLines.TryDecode<Trade>("""{"symbol":"ABC","quantity":3}""", out var trade, out var error));

        Assert.Null(error);
        Assert.Equal(new Trade("ABC", 3), trade);
    }

    [Theory]
    [InlineData("""{"symbol": "ABC", """, "Invalid JSON for Trade")]
    [InlineData("""{"symbol":"ABC"}""", "quantity")]
    [InlineData("""{"symbol":"ABC","quantity":"lots"}""", "$.quantity")]
    [InlineData("""{"symbol":"ABC","quantity":"12"}""", "$.quantity")]
    [InlineData("""{"symbol":null,"quantity":1}""", "symbol")]
    [InlineData("null", "JSON null")]
    [InlineData("   ", "Empty line")]
    public void TryDecode_should_explain_an_invalid_line(string line, string expected)
    {
        Assert.False(JsonLines.TryDecode<Trade>(line, out var trade, out var error));

        Assert.Null(trade);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Decode_should_return_a_result_usable_as_a_map_function()
    {
        Func<string, Decoded<Trade>> decode = JsonLines.Decode<Trade>;

        var good = decode("""{"symbol":"X","quantity":1,"note":"n"}""");
        var bad = decode("{");

        Assert.True(good.IsSuccess);
        Assert.Equal(new Trade("X", 1, "n"), good.Value);
        Assert.False(bad.IsSuccess);
        Assert.StartsWith("Invalid JSON for Trade", bad.Error);
        Assert.Throws<InvalidOperationException>(() => bad.Value);
    }

    [Fact]
    public void Encode_should_write_one_line_that_decodes_to_the_same_value()
    {
        var trade = new Trade("ABC", 7, "two\nlines");

        var line = JsonLines.Encode(trade);

        Assert.Equal("""{"symbol":"ABC","quantity":7,"note":"two\nlines"}""", line);
        Assert.Equal(trade, JsonLines.Decode<Trade>(line).Value);
    }
}
