using ActorStream.Actors.Tests.Support;
using ActorStream.Graph;
using ActorStream.Graph.Sources;
using ActorStream.Graph.Windowing;

namespace ActorStream.Actors.Tests;

public sealed class WindowJoinSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private static readonly IReadOnlyList<(int Key, long Ts)> Orders =
        Enumerable.Range(0, 400).Select(i => (Key: i % 7, Ts: (long)i * 13)).ToList();

    private static readonly IReadOnlyList<(int Key, long Ts)> Payments =
        Enumerable.Range(0, 300).Select(i => (Key: i % 5, Ts: (long)i * 17 + 3)).ToList();

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Window_join_should_pair_equal_keys_within_each_window(int parallelism)
    {
        var env = fixture.CreateEnvironment(parallelism);
        var sink = new CollectSink<string>();
        Source(env, Orders, "orders").Join(Source(env, Payments, "payments"))
            .Where(o => o.Key).EqualTo(p => p.Key)
            .Window(TumblingEventTimeWindows.Of(TimeSpan.FromMilliseconds(100)))
            .Apply((o, p) => $"{o.Key}:{o.Ts}-{p.Ts}")
            .SinkTo(sink);

        await env.ExecuteAsync("window-join");

        var expected = from o in Orders
                       from p in Payments
                       where o.Key == p.Key && o.Ts / 100 == p.Ts / 100
                       select $"{o.Key}:{o.Ts}-{p.Ts}";
        Assert.Equal(expected.Order(StringComparer.Ordinal), sink.Values.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CoGroup_should_see_both_sides_of_every_key_and_window_even_when_one_is_empty()
    {
        var env = fixture.CreateEnvironment(parallelism: 2);
        var sink = new CollectSink<string>();
        Source(env, Orders, "orders").CoGroup(Source(env, Payments, "payments"))
            .Where(o => o.Key).EqualTo(p => p.Key)
            .Window(TumblingEventTimeWindows.Of(TimeSpan.FromMilliseconds(500)))
            .Apply<string>((orders, payments, output) =>
            {
                var o = orders.ToList();
                var p = payments.ToList();
                output.Collect($"{(o.Count > 0 ? o[0].Key : p[0].Key)}@{(o.Count > 0 ? o[0].Ts : p[0].Ts) / 500}:{o.Count}/{p.Count}");
            })
            .SinkTo(sink);

        await env.ExecuteAsync("cogroup");

        var groups = Orders.Select(o => (o.Key, Window: o.Ts / 500)).Concat(Payments.Select(p => (p.Key, Window: p.Ts / 500))).Distinct();
        var expected = groups.Select(g => $"{g.Key}@{g.Window}:" +
            $"{Orders.Count(o => o.Key == g.Key && o.Ts / 500 == g.Window)}/{Payments.Count(p => p.Key == g.Key && p.Ts / 500 == g.Window)}");
        Assert.Equal(expected.Order(StringComparer.Ordinal), sink.Values.Order(StringComparer.Ordinal));
    }

    private static DataStream<(int Key, long Ts)> Source(StreamExecutionEnvironment env, IReadOnlyList<(int Key, long Ts)> items, string name) =>
        env.FromSource(new CollectionSource<(int Key, long Ts)>(items),
            WatermarkStrategy<(int Key, long Ts)>.ForMonotonousTimestamps().WithTimestampAssigner((e, _) => e.Ts), name);
}
