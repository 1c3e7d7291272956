using ActorStream.Graph.Operators;
using ActorStream.Graph.Sinks;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.Operators;

/// <summary>PrintSink formats lines like Flink's print(): "prefix:subtask> value", the subtask counted from 1.</summary>
public sealed class PrintSinkTests
{
    private static string Print(string? prefix, int subtaskIndex, int parallelism, params int[] values)
    {
        var text = new StringWriter { NewLine = "\n" };
        var harness = OperatorHarness.For(new SinkOperator<int>(new PrintSink<int>(prefix, text)),
            OperatorContext.ForTest(subtaskIndex: subtaskIndex, parallelism: parallelism)).Open();
        harness.ProcessElements(values);
        harness.EndInput();
        harness.Close();
        return text.ToString();
    }

    [Fact]
    public void Print_without_prefix_and_parallelism_one_should_print_bare_values() =>
        Assert.Equal("1\n2\n", Print(null, 0, 1, 1, 2));

    [Fact]
    public void Print_with_parallelism_above_one_should_prefix_the_one_based_subtask() =>
        Assert.Equal("3> 7\n", Print(null, 2, 4, 7));

    [Fact]
    public void Print_with_a_prefix_and_parallelism_one_should_prefix_only_the_name() =>
        Assert.Equal("debug> 7\n", Print("debug", 0, 1, 7));

    [Fact]
    public void Print_with_a_prefix_and_parallelism_above_one_should_join_name_and_subtask() =>
        Assert.Equal("debug:2> 7\n", Print("debug", 1, 2, 7));
}
