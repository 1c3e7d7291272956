using ActorStream.Graph.Operators;
using ActorStream.Graph.Plan;

namespace ActorStream.Graph.Tests.Sinks;

/// <summary>The collect sink operator with checkpoints, driven through snapshots and a restore without a runtime.</summary>
public sealed class CollectSinkOperatorTests
{
    [Fact]
    public async Task Checkpointed_collect_sink_should_release_each_batch_once_when_its_checkpoint_completes_even_when_a_restore_commits_it_again()
    {
        var (results, job, sink) = await SubmittedAsync();
        var first = Open(sink);
        first.ProcessElements(1, 2);
        first.Snapshot(1);
        Assert.Equal(0, results.Released); // written, not released before checkpoint 1 completes
        first.Operator.NotifyCheckpointComplete(1);
        first.ProcessElement(3);
        var second = first.Snapshot(2); // holds the batch [3] as pending
        first.Operator.NotifyCheckpointComplete(2);
        first.ProcessElement(4); // after checkpoint 2: lost with the failure below, read again by the restored job
        var releasedBeforeFailure = results.Released;
        first.Close();

        var restored = Open(sink, second); // commits checkpoint 2's batch again: already released, so skipped
        restored.ProcessElement(4);
        restored.EndInput();
        restored.Close();
        job.Finish();

        Assert.Equal(3, releasedBeforeFailure);
        Assert.Equal([1L, 2L, 3L, 4L], await ReadAllAsync(results));
    }

    [Fact]
    public async Task Checkpointed_collect_sink_should_release_a_pending_batch_on_restore_when_the_completion_did_not_arrive()
    {
        var (results, job, sink) = await SubmittedAsync();
        var first = Open(sink);
        first.ProcessElements(1, 2);
        var checkpoint = first.Snapshot(1); // checkpoint 1 completes, but the job fails before the sink hears of it
        first.Close();

        var restored = Open(sink, checkpoint);
        var releasedOnRestore = results.Released;
        restored.EndInput();
        restored.Close();
        job.Finish();

        Assert.Equal(2, releasedOnRestore);
        Assert.Equal([1L, 2L], await ReadAllAsync(results));
    }

    /// <summary>A fresh sink operator of the collect sink's transformation, as a (restarted) subtask creates it.</summary>
    private static OperatorHarness<long, long> Open(Transformation sink, OperatorSnapshot? restore = null)
    {
        var harness = OperatorHarness.For(OperatorHarness.CreateOperator<long, long>(sink), OperatorContext.ForTest("collect") with { CheckpointingEnabled = true });
        if (restore is not null)
            harness.InitializeState(restore);
        return harness.Open();
    }

    private static async Task<(CollectResultStream<long> Results, FakeJob Job, Transformation Sink)> SubmittedAsync()
    {
        var job = new FakeJob();
        var env = StreamExecutionEnvironment.Create(new FakeExecutor(job));
        var results = env.FromSequence(1, 4).CollectAsync();
        var sink = env.GetStreamGraph().Nodes.Single(n => n.Name == "Collect Sink").Transformation;
        await env.StartAsync();
        return (results, job, sink);
    }

    private static async Task<List<long>> ReadAllAsync(CollectResultStream<long> results)
    {
        var read = new List<long>();
        await foreach (var x in results.WithCancellation(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token))
            read.Add(x);
        return read;
    }

    private sealed class FakeExecutor(FakeJob job) : IJobExecutor
    {
        public Task<IJobClient> SubmitAsync(JobGraph jobGraph, CancellationToken cancellationToken = default) => Task.FromResult<IJobClient>(job);
    }

    private sealed class FakeJob : IJobClient
    {
        private readonly TaskCompletionSource<JobExecutionResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string JobId => "fake";

        public Task<JobExecutionResult> Completion => _completion.Task;

        public void Finish() => _completion.TrySetResult(new JobExecutionResult(JobId, "fake", TimeSpan.Zero, new Dictionary<string, long>()));

        public Task<JobProgress> GetProgressAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task StopAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task CancelAsync(CancellationToken cancellationToken = default)
        {
            _completion.TrySetCanceled(cancellationToken);
            return Task.CompletedTask;
        }

        public Task<string> TriggerSavepointAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<string> StopWithSavepointAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
