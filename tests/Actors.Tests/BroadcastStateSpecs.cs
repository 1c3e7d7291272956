using ActorStream.Actors.Tests.Support;
using ActorStream.Graph;

namespace ActorStream.Actors.Tests;

public sealed class BroadcastStateSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private static readonly MapStateDescriptor<long, long> Limits = new("limits");

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Every_subtask_should_see_every_broadcast_rule(int parallelism)
    {
        var env = fixture.CreateEnvironment(parallelism);
        var sink = new CollectSink<string>();
        var rules = env.FromCollection(Enumerable.Range(0, 10).Select(k => (Key: (long)k, Limit: (long)k * 100))).Broadcast(Limits);
        env.FromSequence(0, 2_999)
            .KeyBy(x => x % 10)
            .Connect(rules)
            .Process(new CountAboveLimit())
            .SinkTo(sink);

        await env.ExecuteAsync("broadcast-state");

        var expected = Enumerable.Range(0, 10).Select(k => $"{k}:{Enumerable.Range(0, 3_000).Count(x => x % 10 == k && x > k * 100)}");
        Assert.Equal(expected.Order(StringComparer.Ordinal), sink.Values.Order(StringComparer.Ordinal));
    }

    /// <summary>Buffers each key's values and counts those above the key's broadcast limit once all input is in.</summary>
    private sealed class CountAboveLimit : KeyedBroadcastProcessFunction<long, long, (long Key, long Limit), string>
    {
        private IListState<long> _values = null!;

        public override void Open() => _values = RuntimeContext.GetListState(new ListStateDescriptor<long>("values"));

        public override void ProcessElement(long value, ReadOnlyContext context, ICollector<string> output)
        {
            _values.Add(value);
            context.TimerService.RegisterEventTimeTimer(long.MaxValue - 1); // fires when both inputs ended
        }

        public override void ProcessBroadcastElement((long Key, long Limit) value, Context context, ICollector<string> output) =>
            context.GetBroadcastState(Limits).Put(value.Key, value.Limit);

        public override void OnTimer(long timestamp, OnTimerContext context, ICollector<string> output)
        {
            var limit = context.GetBroadcastState(Limits).Get(context.CurrentKey);
            output.Collect($"{context.CurrentKey}:{_values.Get().Count(v => v > limit)}");
        }
    }
}
