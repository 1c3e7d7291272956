using ActorStream.Graph.Operators;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.Operators;

public sealed class KeyedProcessOperatorTests
{
    private static readonly OutputTag<string> Audit = new("audit");

    private sealed class EchoKey : KeyedProcessFunction<string, (string User, int Amount), string>
    {
        public override void ProcessElement((string User, int Amount) value, Context context, ICollector<string> output)
        {
            output.Collect($"{context.CurrentKey}:{value.Amount}@{context.Timestamp?.ToString() ?? "none"}");
            if (value.Amount > 100)
                context.Output(Audit, $"{context.CurrentKey} spent {value.Amount}");
        }
    }

    private static OperatorHarness<(string User, int Amount), string> OpenEchoKey(OperatorContext? context = null) =>
        OperatorHarness.For(new KeyedProcessOperator<string, (string User, int Amount), string>(new EchoKey(), e => e.User), context).Open();

    [Fact]
    public void KeyedProcess_should_expose_the_key_of_each_element_and_its_timestamp()
    {
        var harness = OpenEchoKey();

        harness.ProcessElement(("alice", 5), 10);
        harness.ProcessElement(("bob", 7));
        harness.ProcessElement(("alice", 9), 30);

        Assert.Equal(["alice:5@10", "bob:7@none", "alice:9@30"], harness.Values);
        Assert.Equal([10L, StreamRecord<string>.NoTimestamp, 30L], harness.Records.Select(r => r.Timestamp));
    }

    [Fact]
    public void KeyedProcess_should_emit_side_outputs_with_the_input_timestamp()
    {
        var harness = OpenEchoKey();

        harness.ProcessElement(("carol", 150), 77);
        harness.ProcessElement(("dave", 99), 78);

        Assert.Equal([new StreamRecord<string>("carol spent 150", 77)], harness.Output.SideOutput(Audit));
    }

    [Fact]
    public void KeyedProcess_should_reject_a_null_key_with_a_message_naming_the_operator()
    {
        var op = new KeyedProcessOperator<string, (string User, int Amount), string>(new EchoKey(), _ => null!);
        var harness = OperatorHarness.For(op, OperatorContext.ForTest("spend-audit")).Open();

        var error = Assert.Throws<InvalidOperationException>(() => harness.ProcessElement(("x", 1)));

        Assert.Equal("The key selector of 'spend-audit' returned null; keys must not be null.", error.Message);
    }

    [Fact]
    public void KeyedProcess_should_reject_a_key_whose_key_group_another_subtask_owns()
    {
        // Int key 0 hashes to key group 94 of 128 (see KeyGroupRangeAssignmentTests), owned by subtask 1 of 2.
        var op = new KeyedProcessOperator<int, int, int>(new CountPerKey(), v => v);
        var harness = OperatorHarness.For(op, OperatorContext.ForTest(subtaskIndex: 0, parallelism: 2)).Open();

        var error = Assert.Throws<InvalidOperationException>(() => harness.ProcessElement(0));

        Assert.Equal("Key group 94 is not in this subtask's KeyGroupRange[0..63].", error.Message);
    }

    [Fact]
    public void KeyedProcess_on_the_owning_subtask_should_accept_the_key()
    {
        var op = new KeyedProcessOperator<int, int, int>(new CountPerKey(), v => v);
        var harness = OperatorHarness.For(op, OperatorContext.ForTest(subtaskIndex: 1, parallelism: 2)).Open();

        harness.ProcessElements(0, 0);

        Assert.Equal([1, 2], harness.Values);
    }

    [Fact]
    public void KeyedProcess_built_by_the_api_should_key_by_the_stream_key_selector()
    {
        var env = StreamExecutionEnvironment.Create();
        var counted = env.FromCollection([1]).KeyBy(v => v % 3).Process(new CountPerKey());
        var harness = OperatorHarness.ForStream<int, int>(counted).Open();

        harness.ProcessElements(1, 4, 2, 7, 3);

        Assert.Equal([1, 2, 1, 3, 1], harness.Values);
    }

    /// <summary>Emits how many elements its key has seen, from value state.</summary>
    internal sealed class CountPerKey : KeyedProcessFunction<int, int, int>
    {
        private IValueState<int> _count = null!;

        public override void Open() => _count = RuntimeContext.GetState(new ValueStateDescriptor<int>("count"));

        public override void ProcessElement(int value, Context context, ICollector<int> output)
        {
            _count.Update(_count.Value() + 1);
            output.Collect(_count.Value());
        }
    }
}
