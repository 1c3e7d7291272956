using ActorStream.Graph.Operators;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.Sinks;

public sealed class TwoPhaseCommitSinkOperatorTests
{
    private static OperatorContext Checkpointing(int subtask = 0, int parallelism = 1) =>
        OperatorContext.ForTest("sink", subtask, parallelism) with { CheckpointingEnabled = true };

    private static SinkOperator<string> Open(RecordingTwoPhaseCommitSink sink, OperatorContext context, IReadOnlyList<byte[]>? restored = null)
    {
        var op = new SinkOperator<string>(sink);
        op.Setup(context, new CollectingOutput<string>());
        op.InitializeOperatorState(restored ?? []);
        op.Open();
        return op;
    }

    private static void Write(SinkOperator<string> op, params string[] values)
    {
        foreach (var value in values)
            op.ProcessElement(new Runtime.StreamRecord<string>(value, Runtime.StreamRecord<string>.NoTimestamp));
    }

    [Fact]
    public void Barrier_should_prepare_and_completion_should_commit_that_checkpoint()
    {
        var sink = new RecordingTwoPhaseCommitSink();
        var op = Open(sink, Checkpointing());

        Write(op, "a", "b");
        op.SnapshotOperatorState(1);
        Write(op, "c");
        op.NotifyCheckpointComplete(1);

        Assert.Equal(
            ["CreateTwoPhaseWriter", "Write(a)", "Write(b)", "Prepare(1)=[0:1:a,b]", "Write(c)", "Commit([0:1:a,b])"],
            sink.Log);
    }

    [Fact]
    public void Completion_should_also_commit_earlier_checkpoints_whose_notification_never_came()
    {
        var sink = new RecordingTwoPhaseCommitSink();
        var op = Open(sink, Checkpointing());
        Write(op, "a");
        op.SnapshotOperatorState(1);
        Write(op, "b");
        op.SnapshotOperatorState(2);
        Write(op, "c");
        op.SnapshotOperatorState(3);

        op.NotifyCheckpointComplete(2);
        op.NotifyCheckpointComplete(2);

        Assert.Equal(["0:1:a", "0:2:b"], sink.Committed);
        Assert.Single(sink.Log, e => e.StartsWith("Commit", StringComparison.Ordinal));
    }

    [Fact]
    public void State_should_hold_every_uncommitted_committable_and_a_restore_should_commit_them_before_opening()
    {
        var sink = new RecordingTwoPhaseCommitSink();
        var op = Open(sink, Checkpointing());
        Write(op, "a");
        op.SnapshotOperatorState(1);
        op.NotifyCheckpointComplete(1);
        Write(op, "b");
        op.SnapshotOperatorState(2);
        Write(op, "c");
        var state = op.SnapshotOperatorState(3)!;

        var restoredSink = new RecordingTwoPhaseCommitSink();
        Open(restoredSink, Checkpointing(), [state]);

        Assert.Equal(["Commit([0:2:b 0:3:c])", "CreateTwoPhaseWriter"], restoredSink.Log);
        var restore = Assert.Single(restoredSink.Restores);
        Assert.Equal(["0:2:b", "0:3:c"], restore.Committables);
        Assert.Equal([new byte[] { 0 }], restore.WriterStates);
    }

    [Fact]
    public void Restored_subtasks_should_split_the_committables_so_each_is_committed_by_exactly_one()
    {
        // Two old subtasks leave five committables between them.
        var old = Enumerable.Range(0, 2).Select(s => (Sink: new RecordingTwoPhaseCommitSink(), Subtask: s)).ToList();
        var states = old.Select(o =>
        {
            var op = Open(o.Sink, Checkpointing(o.Subtask, 2));
            for (var checkpoint = 1; checkpoint <= 2 + o.Subtask; checkpoint++)
            {
                Write(op, $"v{checkpoint}");
                op.SnapshotOperatorState(checkpoint);
            }
            return op.SnapshotOperatorState(9)!;
        }).ToList();

        var byParallelism = new Dictionary<int, List<List<string>>>();
        foreach (var parallelism in new[] { 1, 2, 3, 7 })
        {
            byParallelism[parallelism] = Enumerable.Range(0, parallelism).Select(s =>
            {
                var sink = new RecordingTwoPhaseCommitSink();
                // The order the states arrive in must not matter.
                Open(sink, Checkpointing(s, parallelism), s % 2 == 0 ? states : [states[1], states[0]]);
                return sink.Committed;
            }).ToList();
        }

        string[] all = ["0:1:v1", "0:2:v2", "1:1:v1", "1:2:v2", "1:3:v3"];
        foreach (var (parallelism, shares) in byParallelism)
        {
            Assert.Equal(all.Order(StringComparer.Ordinal), shares.SelectMany(s => s).Order(StringComparer.Ordinal));
            Assert.True(shares.Max(s => s.Count) - shares.Min(s => s.Count) <= 1, $"uneven shares at parallelism {parallelism}");
        }
    }

    [Fact]
    public void EndInput_should_commit_what_no_checkpoint_covered_and_Close_should_dispose_writer_and_committer()
    {
        var sink = new RecordingTwoPhaseCommitSink();
        var op = Open(sink, Checkpointing());
        Write(op, "a");
        op.SnapshotOperatorState(1);
        Write(op, "b");

        op.EndInput();
        op.Close();

        Assert.Equal(
            ["CreateTwoPhaseWriter", "Write(a)", "Prepare(1)=[0:1:a]", "Write(b)", "Prepare(end)=[0:end:b]", "Commit([0:1:a 0:end:b])",
                "Dispose", "DisposeCommitter"],
            sink.Log);
    }

    [Fact]
    public void Close_after_a_failure_should_commit_nothing()
    {
        var sink = new RecordingTwoPhaseCommitSink();
        var op = Open(sink, Checkpointing());
        Write(op, "a");
        op.SnapshotOperatorState(1);

        op.Close();

        Assert.Empty(sink.Committed);
        Assert.Equal(["CreateTwoPhaseWriter", "Write(a)", "Prepare(1)=[0:1:a]", "Dispose"], sink.Log);
    }

    [Fact]
    public void Without_checkpointing_a_two_phase_sink_should_be_written_as_any_sink()
    {
        var sink = new RecordingTwoPhaseCommitSink();
        var op = Open(sink, OperatorContext.ForTest());
        Write(op, "a");

        op.EndInput();
        op.Close();

        Assert.Equal(["CreateWriter", "Write(a)", "Flush(True)", "Dispose"], sink.Log);
    }

    [Fact]
    public void A_plain_sink_with_checkpointing_should_be_flushed_at_each_barrier_and_have_no_state()
    {
        var sink = new RecordingSink<string>();
        var op = new SinkOperator<string>(sink);
        op.Setup(Checkpointing(), new CollectingOutput<string>());
        op.Open();
        op.ProcessElement(new Runtime.StreamRecord<string>("a", Runtime.StreamRecord<string>.NoTimestamp));

        var state = op.SnapshotOperatorState(1);
        op.NotifyCheckpointComplete(1);

        Assert.Null(state);
        Assert.Equal(["Write(a)", "Flush(False)"], sink.Calls);
    }
}
