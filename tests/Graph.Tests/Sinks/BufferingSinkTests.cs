using ActorStream.Graph.Operators;

namespace ActorStream.Graph.Tests.Sinks;

/// <summary>
/// Flink's BufferingSink example: a sink writer that sends in batches, keeps what it has not sent yet in operator
/// state at each checkpoint, and sends it after a restore. Nothing is lost, nothing is sent twice.
/// </summary>
public sealed class BufferingSinkTests
{
    /// <summary>Sends batches of <paramref name="batchSize"/> to <paramref name="target"/>; the rest waits in memory (and in checkpoints).</summary>
    private sealed class BufferingSink(List<string[]> target, int batchSize) : ISink<string>
    {
        public ISinkWriter<string> CreateWriter(SinkContext context) => new Writer(target, batchSize);

        private sealed class Writer(List<string[]> target, int batchSize) : ISinkWriter<string>, ICheckpointedFunction
        {
            private readonly List<string> _buffer = [];
            private IListState<string> _checkpointed = null!;

            public void InitializeState(IFunctionInitializationContext context)
            {
                _checkpointed = context.OperatorStateStore.GetListState(new ListStateDescriptor<string>("buffered-elements"));
                _buffer.AddRange(_checkpointed.Get());
            }

            public void SnapshotState(IFunctionSnapshotContext context) => _checkpointed.Update(_buffer);

            public void Write(string value, long timestamp)
            {
                _buffer.Add(value);
                if (_buffer.Count >= batchSize)
                    Send();
            }

            public void Flush(bool endOfInput)
            {
                if (endOfInput && _buffer.Count > 0)
                    Send();
            }

            public void Dispose() { }

            private void Send()
            {
                target.Add([.. _buffer]);
                _buffer.Clear();
            }
        }
    }

    private static OperatorHarness<string, string> Open(List<string[]> target, params OperatorSnapshot[] restoreFrom) =>
        OperatorHarness.For(new SinkOperator<string>(new BufferingSink(target, batchSize: 3)), Checkpointing())
            .InitializeState(restoreFrom).Open();

    private static OperatorContext Checkpointing() => OperatorHarness.Subtask() with { CheckpointingEnabled = true };

    [Fact]
    public void A_buffering_sink_should_send_what_it_buffered_at_the_checkpoint_after_a_restore()
    {
        List<string[]> sent = [];
        var first = Open(sent);
        first.ProcessElements("a", "b", "c", "d", "e");
        var checkpoint = first.Snapshot(1); // then the subtask fails: "d" and "e" live only in the checkpoint

        List<string[]> sentAfterRestore = [];
        var restored = Open(sentAfterRestore, checkpoint);
        restored.ProcessElement("f");
        restored.ProcessElement("g");
        restored.EndInput();

        Assert.Equal([["a", "b", "c"]], sent);
        Assert.Equal([["d", "e", "f"], ["g"]], sentAfterRestore);
    }

    [Fact]
    public void A_buffering_sink_at_a_checkpoint_should_not_flush_its_buffer()
    {
        List<string[]> sent = [];
        var sink = Open(sent);
        sink.ProcessElements("a", "b");

        var snapshot = sink.Snapshot(1);

        Assert.Empty(sent);
        Assert.NotNull(snapshot.OperatorState);
    }
}
