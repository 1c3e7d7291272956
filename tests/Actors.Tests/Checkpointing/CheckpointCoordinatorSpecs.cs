using ActorStream.Actors.Checkpointing;
using ActorStream.Actors.Tests.Support;
using ActorStream.Graph;
using ActorStream.Graph.Plan;

namespace ActorStream.Actors.Tests.Checkpointing;

public sealed class CheckpointCoordinatorSpecs
{
    private static JobGraph Graph()
    {
        var env = StreamExecutionEnvironment.Create();
        env.Parallelism = 2;
        env.FromSequence(1, 10).Uid("numbers").KeyBy(x => x % 3).Map(x => x).Uid("map").Print().Uid("print");
        return env.GetJobGraph("coordinator-test");
    }

    private static AcknowledgeCheckpoint Ack(JobVertex vertex, int index, long id, string? uid = null, byte[]? state = null) =>
        new(vertex.Id, index, id, new SubtaskCheckpointState(
            uid is null ? new Dictionary<string, byte[]>() : new Dictionary<string, byte[]> { [uid] = state! }, [], 1, 10));

    [Fact]
    public void Ids_should_continue_from_the_next_id_of_the_store()
    {
        var coordinator = new CheckpointCoordinator(Graph(), new CheckpointConfig { Interval = TimeSpan.FromSeconds(1) }, new SteppingTimeProvider(), 41);

        Assert.Equal(41, coordinator.TryTriggerPeriodic()!.Id);
        Assert.Equal(42, coordinator.Start(CheckpointKind.Savepoint).Id);
    }

    [Fact]
    public void A_checkpoint_should_complete_when_every_subtask_acknowledged_once()
    {
        var graph = Graph();
        var coordinator = new CheckpointCoordinator(graph, new CheckpointConfig { Interval = TimeSpan.FromSeconds(1) }, new SteppingTimeProvider(), 1);
        var barrier = coordinator.TryTriggerPeriodic()!;
        var subtasks = graph.Vertices.SelectMany(v => Enumerable.Range(0, v.Parallelism).Select(i => (v, i))).ToList();
        var source = graph.Vertices.First(v => v.IsSource);

        PendingCheckpoint? completed = null;
        foreach (var (vertex, index) in subtasks.AsEnumerable().Reverse())
        {
            Assert.Null(completed);
            completed = coordinator.Acknowledge(vertex == source
                ? Ack(vertex, index, barrier.Id, "numbers", [(byte)(10 + index)])
                : Ack(vertex, index, barrier.Id));
            Assert.Null(coordinator.Acknowledge(Ack(vertex, index, barrier.Id))); // a duplicate counts once
        }

        var checkpoint = completed!.Complete(graph, 0);
        Assert.Equal(subtasks.Count, completed.KeyGroupsWritten);
        Assert.Equal([new byte[] { 10 }, [11]], checkpoint.Operators["numbers"].SubtaskStates); // by subtask index
        Assert.Empty(checkpoint.Operators["map"].SubtaskStates);
        Assert.Equal(0, coordinator.PendingCount);
    }

    /// <summary>Acknowledges <paramref name="barrier"/> for every subtask: its metadata is being stored.</summary>
    private static void AcknowledgeAll(CheckpointCoordinator coordinator, JobGraph graph, CheckpointBarrier barrier)
    {
        PendingCheckpoint? pending = null;
        foreach (var vertex in graph.Vertices)
        {
            for (var index = 0; index < vertex.Parallelism; index++)
                pending = coordinator.Acknowledge(Ack(vertex, index, barrier.Id)) ?? pending;
        }
        coordinator.Storing(pending!.Complete(graph, 0), pending);
    }

    /// <summary>Acknowledges <paramref name="barrier"/> for every subtask and stores it: the checkpoint completes.</summary>
    private static void Complete(CheckpointCoordinator coordinator, JobGraph graph, CheckpointBarrier barrier)
    {
        AcknowledgeAll(coordinator, graph, barrier);
        Assert.NotNull(coordinator.Stored(barrier.Id));
    }

    [Fact]
    public void Periodic_checkpoints_should_respect_max_concurrent_and_min_pause()
    {
        var time = new SteppingTimeProvider();
        var graph = Graph();
        var config = new CheckpointConfig { Interval = TimeSpan.FromSeconds(1), MinPauseBetweenCheckpoints = TimeSpan.FromSeconds(5) };
        var coordinator = new CheckpointCoordinator(graph, config, time, 1);

        var first = coordinator.TryTriggerPeriodic()!;
        Assert.Null(coordinator.TryTriggerPeriodic()); // one at a time
        Assert.True(coordinator.Abort(first.Id));
        Complete(coordinator, graph, coordinator.TryTriggerPeriodic()!);
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.Null(coordinator.TryTriggerPeriodic());
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(3, coordinator.TryTriggerPeriodic()!.Id);
    }

    [Fact]
    public void A_checkpoint_whose_metadata_is_being_stored_should_still_count_against_max_concurrent()
    {
        var graph = Graph();
        var coordinator = new CheckpointCoordinator(graph, new CheckpointConfig { Interval = TimeSpan.FromSeconds(1) }, new SteppingTimeProvider(), 1);
        var first = coordinator.TryTriggerPeriodic()!;
        AcknowledgeAll(coordinator, graph, first);

        Assert.Null(coordinator.TryTriggerPeriodic()); // acknowledged, not yet durable
        coordinator.Stored(first.Id);
        Assert.Equal(2, coordinator.TryTriggerPeriodic()!.Id);
    }

    [Fact]
    public void Failures_should_be_tolerated_up_to_the_configured_number_in_a_row()
    {
        var failures = new CheckpointFailureManager(tolerableFailures: 1);

        Assert.False(failures.OnFailure());
        failures.OnSuccess();
        Assert.False(failures.OnFailure());
        Assert.True(failures.OnFailure());
        Assert.Equal(3, failures.TotalFailures);
    }

    [Fact]
    public void Metadata_being_stored_should_survive_a_restart_but_fail_with_the_store()
    {
        var graph = Graph();
        var coordinator = new CheckpointCoordinator(graph, new CheckpointConfig { Interval = TimeSpan.FromSeconds(1) }, new SteppingTimeProvider(), 1);
        var barrier = coordinator.TryTriggerPeriodic()!;
        AcknowledgeAll(coordinator, graph, barrier);

        coordinator.AbortAll();

        Assert.Equal([barrier.Id], coordinator.StoringFailed());
        Assert.Null(coordinator.Stored(barrier.Id));
    }

    [Fact]
    public void The_final_checkpoint_should_start_once_the_last_source_subtask_is_exhausted_and_be_forgotten_on_restart()
    {
        var graph = Graph();
        var coordinator = new CheckpointCoordinator(graph, new CheckpointConfig { Interval = TimeSpan.FromSeconds(1) }, new SteppingTimeProvider(), 7);
        var source = graph.Vertices.First(v => v.IsSource);

        Assert.False(coordinator.SourceExhausted(source.Id, 0, sources: 2));
        Assert.False(coordinator.SourceExhausted(source.Id, 0, sources: 2)); // once per subtask
        Assert.True(coordinator.SourceExhausted(source.Id, 1, sources: 2));
        Assert.Equal(7, coordinator.StartFinal().Id);
        Assert.Equal(7, coordinator.FinalCheckpoint);

        coordinator.AbortAll();

        Assert.Null(coordinator.FinalCheckpoint);
        Assert.False(coordinator.SourceExhausted(source.Id, 1, sources: 2));
    }
}
