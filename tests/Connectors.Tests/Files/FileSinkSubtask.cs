using ActorStream.Connectors.Tests.TestDoubles;
using ActorStream.Graph;
using ActorStream.Graph.Operators;
using ActorStream.Graph.Runtime;

namespace ActorStream.Connectors.Tests.Files;

/// <summary>One subtask of a file sink run by its sink operator with checkpointing on, as the runtime drives it.</summary>
internal sealed class FileSinkSubtask
{
    private readonly SinkOperator<string> _operator;

    private FileSinkSubtask(SinkOperator<string> op) => _operator = op;

    /// <summary>Sets up, restores from <paramref name="restored"/> and opens subtask <paramref name="subtask"/> of <paramref name="parallelism"/>.</summary>
    public static FileSinkSubtask Open(ISink<string> sink, int subtask = 0, int parallelism = 1, IReadOnlyList<byte[]>? restored = null)
    {
        var op = new SinkOperator<string>(sink);
        op.Setup(OperatorContext.ForTest("files", subtask, parallelism) with { CheckpointingEnabled = true }, new DiscardingOutput<string>());
        op.InitializeOperatorState(restored ?? []);
        op.Open();
        return new FileSinkSubtask(op);
    }

    /// <summary>Writes the values.</summary>
    public FileSinkSubtask Write(params string[] values)
    {
        foreach (var value in values)
            _operator.ProcessElement(new StreamRecord<string>(value, StreamRecord<string>.NoTimestamp));
        return this;
    }

    /// <summary>Takes checkpoint <paramref name="checkpointId"/> at the barrier.</summary>
    public byte[] Snapshot(long checkpointId) => _operator.SnapshotOperatorState(checkpointId)!;

    /// <summary>Checkpoint <paramref name="checkpointId"/> completed.</summary>
    public void Complete(long checkpointId) => _operator.NotifyCheckpointComplete(checkpointId);

    /// <summary>Ends the input and closes, as a finishing job does.</summary>
    public void Finish()
    {
        _operator.EndInput();
        _operator.Close();
    }

    /// <summary>Closes without the end of input, as a failing job does.</summary>
    public void Crash() => _operator.Close();
}
