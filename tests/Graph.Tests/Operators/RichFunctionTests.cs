using ActorStream.Graph.Operators;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.Operators;

public sealed class RichFunctionTests
{
    /// <summary>Logs its lifecycle into a list shared by all copies, and numbers elements per copy.</summary>
    private sealed class NumberingMap(List<string> log) : RichMapFunction<string, string>
    {
        private int _seen;

        public override void Open() =>
            log.Add($"open {RuntimeContext.TaskName} {RuntimeContext.IndexOfThisSubtask}/{RuntimeContext.NumberOfParallelSubtasks}");

        public override string Map(string value)
        {
            _seen++;
            RuntimeContext.GetCounter("mapped").Add();
            return $"{RuntimeContext.IndexOfThisSubtask}:{value}#{_seen}";
        }

        public override void Close() => log.Add($"close {RuntimeContext.IndexOfThisSubtask} after {_seen}");

        public int Seen => _seen;
    }

    [Fact]
    public void Rich_map_should_be_opened_before_the_first_element_and_closed_at_close()
    {
        var log = new List<string>();
        var harness = OperatorHarness.For(new MapOperator<string, string>(new NumberingMap(log)), OperatorContext.ForTest("numbering")).Open();

        harness.ProcessElements("a", "b");
        harness.EndInput();
        Assert.Equal(["open numbering 0/1"], log);
        harness.Close();

        Assert.Equal(["open numbering 0/1", "close 0 after 2"], log);
        Assert.Equal(["0:a#1", "0:b#2"], harness.Values);
    }

    [Fact]
    public void Runtime_context_should_describe_the_subtask()
    {
        IRuntimeContext? seen = null;
        var function = new CapturingFilter(ctx => seen = ctx);
        var context = OperatorContext.ForTest("picky", subtaskIndex: 3, parallelism: 5, maxParallelism: 64, mode: RuntimeExecutionMode.Batch);

        OperatorHarness.For(new FilterOperator<int>(function), context).Open();

        Assert.NotNull(seen);
        Assert.Equal(("picky", 3, 5, 64, RuntimeExecutionMode.Batch),
            (seen.TaskName, seen.IndexOfThisSubtask, seen.NumberOfParallelSubtasks, seen.MaxNumberOfParallelSubtasks, seen.RuntimeMode));
    }

    [Fact]
    public void Counters_from_the_runtime_context_should_add_up_in_the_subtask_counters()
    {
        var harness = OperatorHarness.For(new MapOperator<string, string>(new NumberingMap([]))).Open();

        harness.ProcessElements("a", "b", "c");

        Assert.Equal(3, harness.Counter("mapped"));
        Assert.Equal(new Dictionary<string, long> { ["mapped"] = 3 }, harness.Context.Counters.Snapshot());
    }

    [Fact]
    public void Each_subtask_should_run_its_own_copy_of_a_rich_function()
    {
        var log = new List<string>();
        var shared = new NumberingMap(log);
        var first = OperatorHarness.For(new MapOperator<string, string>(shared), OperatorContext.ForTest(subtaskIndex: 0, parallelism: 2)).Open();
        var second = OperatorHarness.For(new MapOperator<string, string>(shared), OperatorContext.ForTest(subtaskIndex: 1, parallelism: 2)).Open();

        first.ProcessElements("a", "b", "c");
        second.ProcessElements("x");
        first.Close();
        second.Close();

        Assert.Equal(["0:a#1", "0:b#2", "0:c#3"], first.Values);
        Assert.Equal(["1:x#1"], second.Values);
        Assert.Equal(["open test 0/2", "open test 1/2", "close 0 after 3", "close 1 after 1"], log);
        Assert.Equal(0, shared.Seen);
        Assert.Throws<InvalidOperationException>(() => shared.RuntimeContext);
    }

    [Fact]
    public void Operators_built_twice_from_one_api_call_should_not_share_rich_function_fields()
    {
        var env = StreamExecutionEnvironment.Create();
        var mapped = env.FromCollection(["a"]).Map(new NumberingMap([]));
        var first = OperatorHarness.ForStream<string, string>(mapped).Open();
        var second = OperatorHarness.ForStream<string, string>(mapped).Open();

        first.ProcessElements("a", "b");
        second.ProcessElements("c");

        Assert.Equal(["0:a#1", "0:b#2"], first.Values);
        Assert.Equal(["0:c#1"], second.Values);
    }

    private sealed class SharedCounter : IMapFunction<int, int>
    {
        public int Calls;

        public int Map(int value) => ++Calls;
    }

    [Fact]
    public void A_plain_function_object_should_be_shared_by_the_operators_built_from_it()
    {
        var function = new SharedCounter();
        var first = OperatorHarness.For(new MapOperator<int, int>(function)).Open();
        var second = OperatorHarness.For(new MapOperator<int, int>(function)).Open();

        first.ProcessElements(0, 0);
        second.ProcessElements(0);

        Assert.Equal([1, 2], first.Values);
        Assert.Equal([3], second.Values);
        Assert.Equal(3, function.Calls);
    }

    [Fact]
    public void The_runtime_context_should_be_unavailable_before_open()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new NumberingMap([]).RuntimeContext);

        Assert.Equal("The runtime context is available from Open() on.", error.Message);
    }

    private sealed class CapturingFilter(Action<IRuntimeContext> onOpen) : RichFilterFunction<int>
    {
        public override void Open() => onOpen(RuntimeContext);

        public override bool Filter(int value) => true;
    }

    private sealed class LifecycleFlatMap(List<string> log) : RichFlatMapFunction<int, int>
    {
        public override void Open() => log.Add("open");

        public override void FlatMap(int value, ICollector<int> output) => output.Collect(value);

        public override void Close() => log.Add("close");
    }

    [Fact]
    public void Rich_flatMap_should_be_opened_and_closed_by_its_operator()
    {
        var log = new List<string>();
        var harness = OperatorHarness.For(new FlatMapOperator<int, int>(new LifecycleFlatMap(log))).Open();
        harness.ProcessElement(1);
        harness.Close();

        Assert.Equal(["open", "close"], log);
        Assert.Equal([1], harness.Values);
    }

    /// <summary>A reduce function with a lifecycle: multiplies by the subtask count it learns in Open.</summary>
    private sealed class ScaledSum : RichFunction, IReduceFunction<int>
    {
        private int _scale;

        public override void Open() => _scale = RuntimeContext.NumberOfParallelSubtasks;

        public int Reduce(int accumulated, int value) => accumulated + value * _scale;
    }

    [Fact]
    public void A_rich_reduce_function_should_be_opened_in_each_subtask()
    {
        var env = StreamExecutionEnvironment.Create();
        // Int key 0 is in key group 94 of 128, owned by subtask 2 of 3.
        var sums = env.FromCollection([1]).KeyBy(_ => 0).Reduce(new ScaledSum());
        var harness = OperatorHarness.ForStream<int, int>(sums, OperatorContext.ForTest(subtaskIndex: 2, parallelism: 3)).Open();

        harness.ProcessElements(1, 1);

        Assert.Equal([1, 4], harness.Values);
    }
}
