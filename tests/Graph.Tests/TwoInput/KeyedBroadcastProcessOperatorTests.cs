using ActorStream.Graph.Operators;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.TwoInput;

public sealed class KeyedBroadcastProcessOperatorTests
{
    private static readonly MapStateDescriptor<string, int> Thresholds = ThresholdAlerts.Thresholds;
    private static readonly ValueStateDescriptor<int> Seen = ThresholdAlerts.Seen;

    [Fact]
    public void Keyed_elements_should_read_what_broadcast_elements_wrote()
    {
        var (op, output) = Open();
        op.ProcessElement2(new StreamRecord<(string, int)>(("a", 2), 1));
        op.ProcessElement1(new StreamRecord<(string, int)>(("a", 5), 2));
        op.ProcessElement1(new StreamRecord<(string, int)>(("a", 1), 3));
        op.ProcessElement1(new StreamRecord<(string, int)>(("b", 9), 4)); // no threshold for b

        Assert.Equal(["a:5>2"], output.Values);
    }

    [Fact]
    public void Broadcast_elements_should_reach_every_key_through_ApplyToKeyedState()
    {
        var (op, output) = Open();
        op.ProcessElement1(new StreamRecord<(string, int)>(("a", 5), 1));
        op.ProcessElement1(new StreamRecord<(string, int)>(("b", 6), 2));
        op.ProcessElement1(new StreamRecord<(string, int)>(("b", 7), 3));

        op.ProcessElement2(new StreamRecord<(string, int)>(("report", 0), 4));

        Assert.Equal(["a seen 1", "b seen 2"], output.Values.Order());
        Assert.Empty(op.Backend.GetKeys(Seen.Name)); // the report cleared every key's state
    }

    [Fact]
    public void Undeclared_broadcast_state_should_fail_clearly()
    {
        var op = new KeyedBroadcastProcessOperator<string, (string Key, int Value), (string Key, int Value), string>(
            new ThresholdAlerts(clearOnReport: true), e => e.Key, [new MapStateDescriptor<string, int>("other")]);
        op.Setup(OperatorContext.ForTest(), new CollectingOutput<string>());
        op.Open();

        var error = Assert.Throws<InvalidOperationException>(() => op.ProcessElement2(new StreamRecord<(string, int)>(("a", 1), 1)));

        Assert.Contains("'thresholds' was not declared", error.Message);
    }

    private static (KeyedBroadcastProcessOperator<string, (string Key, int Value), (string Key, int Value), string> Op, CollectingOutput<string> Output) Open()
    {
        var op = new KeyedBroadcastProcessOperator<string, (string Key, int Value), (string Key, int Value), string>(
            new ThresholdAlerts(clearOnReport: true), e => e.Key, [Thresholds]);
        var output = new CollectingOutput<string>();
        op.Setup(OperatorContext.ForTest(), output);
        op.Open();
        return (op, output);
    }
}
