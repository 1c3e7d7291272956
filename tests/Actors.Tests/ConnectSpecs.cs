using ActorStream.Actors.Tests.Support;
using ActorStream.Graph;

namespace ActorStream.Actors.Tests;

public sealed class ConnectSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    [Fact]
    public async Task CoMap_should_merge_two_streams_of_different_types()
    {
        var env = fixture.CreateEnvironment(parallelism: 2);
        var sink = new CollectSink<string>();
        var numbers = env.FromSequence(1, 1_000);
        var words = env.FromCollection(["a", "b", "c"]);
        numbers.Connect(words).Map(n => $"n{n}", w => $"w{w}").SinkTo(sink);

        await env.ExecuteAsync("comap");

        var expected = Enumerable.Range(1, 1_000).Select(n => $"n{n}").Concat(["wa", "wb", "wc"]);
        Assert.Equal(expected.Order(), sink.Values.Order());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Keyed_co_process_should_see_both_inputs_of_a_key_in_one_subtask(int parallelism)
    {
        var env = fixture.CreateEnvironment(parallelism);
        var sink = new CollectSink<(long Key, long Sum)>();
        var left = env.FromSequence(1, 3_000).Map(x => (Key: x % 50, Value: x));
        var right = env.FromSequence(1, 500).Map(x => (Key: x % 50, Value: -x));
        left.Connect(right).KeyBy(l => l.Key, r => r.Key).Process(new SumPerKey()).SinkTo(sink);

        await env.ExecuteAsync("keyed-coprocess");

        // Each key's final sum (emitted by its event-time timer at the end of input) covers both inputs.
        var expected = Enumerable.Range(0, 50).Select(k => (Key: (long)k,
            Sum: Enumerable.Range(1, 3_000).Where(x => x % 50 == k).Sum(x => (long)x)
                 - Enumerable.Range(1, 500).Where(x => x % 50 == k).Sum(x => (long)x)));
        Assert.Equal(expected.OrderBy(e => e.Key), sink.Values.OrderBy(v => v.Key));
    }

    private sealed class SumPerKey : KeyedCoProcessFunction<long, (long Key, long Value), (long Key, long Value), (long, long)>
    {
        private IValueState<long> _sum = null!;

        public override void Open() => _sum = RuntimeContext.GetState(new ValueStateDescriptor<long>("sum"));

        public override void ProcessElement1((long Key, long Value) value, Context context, ICollector<(long, long)> output) => Add(value.Value, context);

        public override void ProcessElement2((long Key, long Value) value, Context context, ICollector<(long, long)> output) => Add(value.Value, context);

        public override void OnTimer(long timestamp, OnTimerContext context, ICollector<(long, long)> output) =>
            output.Collect((context.CurrentKey, _sum.Value()));

        private void Add(long value, Context context)
        {
            _sum.Update(_sum.Value() + value);
            context.TimerService.RegisterEventTimeTimer(long.MaxValue - 1); // fires with the end-of-input watermark
        }
    }
}
