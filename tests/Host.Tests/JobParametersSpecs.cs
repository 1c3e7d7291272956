using ActorStream.Examples;

namespace ActorStream.Host.Tests;

public sealed class JobParametersSpecs
{
    private static readonly JobOption[] Options =
    [
        new("input", "in", Required: true),
        new("rate", "per second", Default: "5000"),
        new("window", "size", Default: "10s"),
    ];

    private static JobParameters With(params (string Name, string Value)[] values) =>
        new(values.ToDictionary(v => v.Name, v => v.Value), Options);

    [Fact]
    public void GetRequired_should_name_the_missing_option()
    {
        var error = Assert.Throws<JobParameterException>(() => With().GetRequired("input"));

        Assert.Equal("--input: this option is required.", error.Message);
        Assert.Equal("input", error.Option);
    }

    [Fact]
    public void Typed_getters_should_fall_back_to_declared_defaults()
    {
        var parameters = With();

        Assert.Equal(5000, parameters.GetInt("rate"));
        Assert.Equal(5000.0, parameters.GetDouble("rate"));
        Assert.Equal(TimeSpan.FromSeconds(10), parameters.GetDuration("window"));
        Assert.Equal(7, parameters.GetInt("missing", 7));
        Assert.Null(parameters.GetOptionalLong("missing"));
    }

    [Fact]
    public void Typed_getters_should_name_the_option_and_value_when_a_value_does_not_parse()
    {
        var error = Assert.Throws<JobParameterException>(() => With(("rate", "fast")).GetInt("rate"));

        Assert.Equal("--rate: 'fast' is not a whole number.", error.Message);
    }

    [Theory]
    [InlineData("250ms", 250)]
    [InlineData("10s", 10_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("00:00:03", 3_000)]
    public void GetDuration_should_read_units_and_clock_times(string text, long milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), With(("window", text)).GetDuration("window"));
    }

    [Theory]
    [InlineData("-1s")]
    [InlineData("ten seconds")]
    [InlineData("5parsecs")]
    public void GetDuration_should_reject_what_is_not_a_duration(string text)
    {
        var error = Assert.Throws<JobParameterException>(() => With(("window", text)).GetDuration("window"));

        Assert.StartsWith("--window: ", error.Message);
    }
}
