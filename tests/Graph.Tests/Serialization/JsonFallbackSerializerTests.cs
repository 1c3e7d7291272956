using System.Text.Json;
using System.Text.Json.Serialization;
using ActorStream.Graph.Serialization;

namespace ActorStream.Graph.Tests.Serialization;

public sealed class JsonFallbackSerializerTests
{
    public sealed record Reading(string Sensor, double Value, int[] Samples);

    private static byte[] Write<T>(params T[] values)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            var serializer = new JsonFallbackSerializer<T>();
            foreach (var value in values)
                serializer.Serialize(value, writer);
        }
        return stream.ToArray();
    }

    [Fact]
    public void Values_should_be_written_as_the_length_prefixed_json_that_earlier_builds_wrote()
    {
        var reading = new Reading("kitchen \u00e9", double.NaN, [1, 2, 3]);
        var json = JsonSerializer.SerializeToUtf8Bytes(reading,
            new JsonSerializerOptions { IncludeFields = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals });
        using var expected = new MemoryStream();
        using (var writer = new BinaryWriter(expected))
        {
            writer.WriteCount(json.Length);
            writer.Write(json);
        }

        Assert.Equal(expected.ToArray(), Write(reading));
    }

    [Fact]
    public void A_value_larger_than_the_kept_buffer_and_the_small_ones_around_it_should_round_trip()
    {
        Reading[] readings =
        [
            new("a", 1.5, [1]),
            new("large", 2.5, [.. Enumerable.Range(0, 40_000)]),
            new("b", -0.0, []),
        ];

        var reader = new BinaryReader(new MemoryStream(Write(readings)));
        var serializer = new JsonFallbackSerializer<Reading>();

        foreach (var reading in readings)
        {
            var restored = serializer.Deserialize(reader);
            Assert.Equal((reading.Sensor, reading.Value), (restored.Sensor, restored.Value));
            Assert.Equal(reading.Samples, restored.Samples);
        }
    }
}
