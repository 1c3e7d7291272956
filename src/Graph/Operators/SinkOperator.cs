using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Operators;

/// <summary>Feeds a sink writer; the last operator of its chain.</summary>
public sealed class SinkOperator<T>(ISink<T> sink) : OneInputStreamOperator<T, T>, ISinkOperator
{
    private ISinkWriter<T>? _writer;
    private bool _ended;

    /// <inheritdoc />
    public override void Open() =>
        _writer = sink.CreateWriter(new SinkContext(Context.OperatorName, Context.SubtaskIndex, Context.Parallelism,
            new StreamingRuntimeContext(Context, keyedState: null)));

    /// <inheritdoc />
    public long RecordsWritten { get; private set; }

    /// <inheritdoc />
    public override void ProcessElement(in StreamRecord<T> record)
    {
        _writer!.Write(record.Value, record.Timestamp);
        RecordsWritten++;
    }

    /// <inheritdoc />
    public override void ProcessWatermark(long watermark) { }

    /// <inheritdoc />
    public override void EndInput()
    {
        _ended = true;
        _writer!.Flush(endOfInput: true);
    }

    /// <inheritdoc />
    public override void Close()
    {
        if (_writer is null)
            return;
        if (!_ended)
            _writer.Flush(endOfInput: false);
        _writer.Dispose();
    }
}

/// <summary>The untyped view of a sink operator.</summary>
public interface ISinkOperator : IStreamOperator
{
    /// <summary>Records handed to the sink writer so far.</summary>
    long RecordsWritten { get; }
}
