using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Operators;

/// <summary>
/// Head of a source chain: polls the reader, assigns timestamps and generates watermarks.
/// The subtask calls <see cref="EmitNext"/> while its outputs have room.
/// </summary>
public sealed class SourceOperator<T>(ISource<T> source, WatermarkStrategy<T> strategy, bool emitWatermarkPerEvent)
    : StreamOperator<T>, ISourceOperator, ISourceOutput<T>, IWatermarkOutput
{
    private ISourceReader<T>? _reader;
    private IWatermarkGenerator<T>? _generator;
    private long _currentWatermark = Watermarks.Min;

    /// <summary>Whether the source ends.</summary>
    public Boundedness Boundedness => source.Boundedness;

    /// <summary>True when periodic watermark emission applies.</summary>
    public bool EmitsWatermarks => !strategy.IsNoWatermarks;

    /// <inheritdoc />
    public override void Open()
    {
        _generator = strategy.CreateGenerator();
        _reader = source.CreateReader(new SourceReaderContext(Context.SubtaskIndex, Context.Parallelism, Context.TimeProvider));
    }

    /// <summary>Polls the reader once.</summary>
    public InputStatus EmitNext() => _reader!.PollNext(this);

    /// <summary>Completes when the reader may have records again.</summary>
    public Task WaitForAvailabilityAsync(CancellationToken cancellationToken) =>
        _reader!.WaitForAvailabilityAsync(cancellationToken);

    /// <summary>Asks the watermark generator for its periodic watermark.</summary>
    public void EmitPeriodicWatermark() => _generator!.OnPeriodicEmit(this);

    /// <inheritdoc />
    public void Collect(T value) => Collect(value, StreamRecord<T>.NoTimestamp);

    /// <inheritdoc />
    public void Collect(T value, long timestamp)
    {
        if (strategy.TimestampAssigner is { } assign)
            timestamp = assign(value, timestamp);
        Output.Collect(new StreamRecord<T>(value, timestamp));
        _generator!.OnEvent(value, timestamp, this);
        if (emitWatermarkPerEvent)
            _generator.OnPeriodicEmit(this);
    }

    /// <inheritdoc />
    public void EmitWatermark(long watermark)
    {
        if (watermark <= _currentWatermark)
            return;
        _currentWatermark = watermark;
        Output.EmitWatermark(watermark);
    }

    /// <summary>The end of a bounded input ends event time.</summary>
    public override void EndInput() => EmitWatermark(Watermarks.Max);

    /// <inheritdoc />
    public override void Close() => _reader?.Dispose();
}

/// <summary>The untyped view of a <see cref="SourceOperator{T}"/> that the subtask drives.</summary>
public interface ISourceOperator : IStreamOperator
{
    /// <summary>True when periodic watermark emission applies.</summary>
    bool EmitsWatermarks { get; }

    /// <summary>Polls the reader once.</summary>
    InputStatus EmitNext();

    /// <summary>Completes when the reader may have records again.</summary>
    Task WaitForAvailabilityAsync(CancellationToken cancellationToken);

    /// <summary>Asks the watermark generator for its periodic watermark.</summary>
    void EmitPeriodicWatermark();
}
