using ActorStream.Graph.Operators;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.TwoInput;

public sealed class CoProcessOperatorTests
{
    [Fact]
    public void The_watermark_should_be_the_minimum_of_both_inputs_and_only_advance()
    {
        var (op, output) = Open(new CoProcessOperator<int, string, string>(new Echo()));

        op.ProcessWatermark1(10);
        Assert.Empty(output.Watermarks);
        op.ProcessWatermark2(5);
        op.ProcessWatermark2(20);
        op.ProcessWatermark1(30);

        Assert.Equal([5L, 10L, 20L], output.Watermarks);
    }

    [Fact]
    public void Each_input_should_reach_its_own_process_method_with_its_timestamp()
    {
        var (op, output) = Open(new CoProcessOperator<int, string, string>(new Echo()));

        op.ProcessElement1(new StreamRecord<int>(1, 100));
        op.ProcessElement2(new StreamRecord<string>("b", 200));

        Assert.Equal([new StreamRecord<string>("1:first@100", 100), new StreamRecord<string>("b:second@200", 200)], output.Records);
    }

    [Fact]
    public void Keyed_co_process_should_share_state_and_timers_per_key_across_both_inputs()
    {
        var (op, output) = Open(new KeyedCoProcessOperator<string, (string Key, int Amount), (string Key, string Name), string>(
            new Enrich(), o => o.Key, c => c.Key));

        op.ProcessElement1(new StreamRecord<(string, int)>(("c1", 5), 10)); // order before its customer: buffered
        op.ProcessElement2(new StreamRecord<(string, string)>(("c1", "Ada"), 11));
        op.ProcessElement1(new StreamRecord<(string, int)>(("c1", 7), 12));
        op.ProcessElement1(new StreamRecord<(string, int)>(("c2", 1), 13));
        op.ProcessWatermark1(100);
        op.ProcessWatermark2(100);

        Assert.Equal(["Ada:5", "Ada:7", "c2 unmatched:1"], output.Values);
    }

    private static (TwoInputStreamOperator<T1, T2, TOut> Op, CollectingOutput<TOut> Output) Open<T1, T2, TOut>(
        TwoInputStreamOperator<T1, T2, TOut> op)
    {
        var output = new CollectingOutput<TOut>();
        op.Setup(OperatorContext.ForTest(), output);
        op.Open();
        return (op, output);
    }

    private sealed class Echo : CoProcessFunction<int, string, string>
    {
        public override void ProcessElement1(int value, Context context, ICollector<string> output) =>
            output.Collect($"{value}:first@{context.Timestamp}");

        public override void ProcessElement2(string value, Context context, ICollector<string> output) =>
            output.Collect($"{value}:second@{context.Timestamp}");
    }

    /// <summary>Joins orders with the customer's name; orders without a customer by time 50 are reported unmatched.</summary>
    private sealed class Enrich : KeyedCoProcessFunction<string, (string Key, int Amount), (string Key, string Name), string>
    {
        private IValueState<string?> _name = null!;
        private IListState<int> _pending = null!;

        public override void Open()
        {
            _name = RuntimeContext.GetState(new ValueStateDescriptor<string?>("name"));
            _pending = RuntimeContext.GetListState(new ListStateDescriptor<int>("pending"));
        }

        public override void ProcessElement1((string Key, int Amount) value, Context context, ICollector<string> output)
        {
            if (_name.Value() is { } name)
            {
                output.Collect($"{name}:{value.Amount}");
                return;
            }
            _pending.Add(value.Amount);
            context.TimerService.RegisterEventTimeTimer(50);
        }

        public override void ProcessElement2((string Key, string Name) value, Context context, ICollector<string> output)
        {
            _name.Update(value.Name);
            foreach (var amount in _pending.Get())
                output.Collect($"{value.Name}:{amount}");
            _pending.Clear();
        }

        public override void OnTimer(long timestamp, OnTimerContext context, ICollector<string> output)
        {
            foreach (var amount in _pending.Get())
                output.Collect($"{context.CurrentKey} unmatched:{amount}");
            _pending.Clear();
        }
    }
}
