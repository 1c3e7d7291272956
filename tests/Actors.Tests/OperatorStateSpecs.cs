using ActorStream.Actors.Tests.Support;
using ActorStream.Graph;

namespace ActorStream.Actors.Tests;

/// <summary>Operator state of checkpointed functions in real jobs: savepoints at 2, 3 and 1 subtasks keep a count that no record enters twice.</summary>
public sealed class OperatorStateSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private const long Count = 30_000;

    /// <summary>Counts the records its subtask saw, across restores: the restored counts of the old subtasks this one inherits add up.</summary>
    private sealed class CountingMap : RichMapFunction<long, long>, ICheckpointedFunction
    {
        private IListState<long> _counts = null!;
        private long _count;

        public void InitializeState(IFunctionInitializationContext context)
        {
            _counts = context.OperatorStateStore.GetListState(new ListStateDescriptor<long>("count"));
            _count = _counts.Get().Sum();
        }

        public void SnapshotState(IFunctionSnapshotContext context) => _counts.Update([_count]);

        public override long Map(long value) => ++_count;
    }

    private async Task<(string? Savepoint, CollectSink<long> Counts)> RunAsync(int parallelism, string? restoreFrom, long upTo)
    {
        var env = fixture.CreateEnvironment(parallelism);
        env.RuntimeMode = RuntimeExecutionMode.Streaming;
        env.EnableCheckpointing(TimeSpan.FromSeconds(30)); // only the savepoints matter
        if (restoreFrom is not null)
            env.RestoreFrom(restoreFrom);
        var numbers = new GatedSequenceSource(Count);
        var counts = new CollectSink<long>();
        env.FromSource(numbers, WatermarkStrategy<long>.NoWatermarks(), "numbers").Uid("numbers").SetParallelism(1)
            .Rebalance()
            .Map(new CountingMap()).Uid("counting")
            .SinkTo(counts);
        if (upTo >= Count)
        {
            numbers.OpenAll();
            await env.ExecuteAsync("operator-state");
            return (null, counts);
        }
        numbers.OpenUpTo(upTo);
        var job = await env.StartAsync("operator-state");
        await Eventually.WaitUntil(() => counts.Values.Count >= upTo - (restoreFrom is null ? 0 : 10_000), TimeSpan.FromMinutes(1));
        var savepoint = await job.StopWithSavepointAsync();
        await job.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        return (savepoint, counts);
    }

    [Fact]
    public async Task A_checkpointed_function_should_keep_its_operator_state_through_savepoints_at_2_3_and_1_subtasks()
    {
        var (first, atTwo) = await RunAsync(parallelism: 2, restoreFrom: null, upTo: 10_000);
        var (second, atThree) = await RunAsync(parallelism: 3, restoreFrom: first, upTo: 20_000);
        var (_, atOne) = await RunAsync(parallelism: 1, restoreFrom: second, upTo: Count);

        Assert.Equal(10_000, atTwo.Values.Count);
        Assert.Equal(10_000, atThree.Values.Count);
        // Rebalance splits the first 10,000 evenly; at 3 subtasks the two counts went to subtasks 1 and 2.
        Assert.Equal(5_000, atTwo.Values.Max());
        Assert.Equal(Count, atOne.Values.Max()); // one subtask inherits every count: each record counted once
        Assert.Equal(Enumerable.Range((int)Count - 9_999, 10_000).Select(x => (long)x), atOne.Values.Order());
    }
}
