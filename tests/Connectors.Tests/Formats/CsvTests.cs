using ActorStream.Connectors.Formats;

namespace ActorStream.Connectors.Tests.Formats;

public sealed class CsvTests
{
    [Theory]
    [InlineData("a,b,c", new[] { "a", "b", "c" })]
    [InlineData("\"a,b\",c", new[] { "a,b", "c" })]
    [InlineData("\"say \"\"hi\"\"\",x", new[] { "say \"hi\"", "x" })]
    [InlineData("\"\"\"\"", new[] { "\"" })]
    [InlineData(",,", new[] { "", "", "" })]
    [InlineData("", new[] { "" })]
    [InlineData("a,", new[] { "a", "" })]
    [InlineData("\"\",\"\"", new[] { "", "" })]
    [InlineData("a\"b,c", new[] { "a\"b", "c" })]
    [InlineData(" a , b ", new[] { " a ", " b " })]
    public void ParseLine_should_split_rfc_4180_fields(string line, string[] expected) =>
        Assert.Equal(expected, Csv.ParseLine(line));

    [Fact]
    public void ParseLine_should_use_another_separator() =>
        Assert.Equal(["a,b", "c;d", ""], Csv.ParseLine("a,b;\"c;d\";", ';'));

    [Theory]
    [InlineData("a,\"bc", "column 3 has no closing quote")]
    [InlineData("\"a\"b,c", "Unexpected 'b' at column 4")]
    public void TryParseLine_should_explain_a_malformed_line(string line, string expected)
    {
        Assert.False(Csv.TryParseLine(line, out var fields, out var error));

        Assert.Null(fields);
        Assert.Contains(expected, error);
        Assert.Throws<FormatException>(() => Csv.ParseLine(line));
    }

    private sealed record Row(string Name, long Count);

    private static Row ToRow(string[] f) => new(f[0], long.Parse(f[1]));

    [Fact]
    public void TryDecode_should_map_a_record_with_the_expected_field_count()
    {
        Assert.True(Csv.TryDecode("\"x, y\",5", 2, ToRow, out var row, out var error));

        Assert.Null(error);
        Assert.Equal(new Row("x, y", 5), row);
    }

    [Theory]
    [InlineData("a,1,2", "Expected 2 CSV fields but found 3.")]
    [InlineData("a", "Expected 2 CSV fields but found 1.")]
    [InlineData("a,many", "Could not convert the CSV fields")]
    [InlineData("\"a", "no closing quote")]
    public void Decode_should_explain_why_a_record_is_invalid(string line, string expected)
    {
        var decoded = Csv.Decode(line, 2, ToRow);

        Assert.False(decoded.IsSuccess);
        Assert.Contains(expected, decoded.Error);
    }

    [Fact]
    public void Format_should_quote_only_fields_that_need_it()
    {
        var line = Csv.Format(["plain", "a,b", "say \"hi\"", "", null, "two\nlines"]);

        Assert.Equal("plain,\"a,b\",\"say \"\"hi\"\"\",,,\"two\nlines\"", line);
    }

    [Fact]
    public void Format_then_ParseLine_should_round_trip()
    {
        string[] fields = ["", "x", ",", "\"", "\"\"", "a \"b\" c", " spaced "];

        Assert.Equal(fields, Csv.ParseLine(Csv.Format(fields)));
        Assert.Equal(fields, Csv.ParseLine(Csv.Format(fields, '\t'), '\t'));
    }
}
