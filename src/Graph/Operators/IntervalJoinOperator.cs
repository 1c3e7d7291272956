using ActorStream.Graph.Operators.Timers;
using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Operators;

/// <summary>The bounds of an interval join: right.ts in [left.ts + Lower, left.ts + Upper], ends included.</summary>
public sealed record IntervalJoinBounds(long Lower, long Upper, OutputTag? LeftLateData, OutputTag? RightLateData);

/// <summary>
/// Joins two keyed streams on time intervals, as Flink's IntervalJoinOperator: each side buffers
/// its elements by timestamp in keyed state; an element joins the other side's buffered elements
/// within the bounds; elements behind the watermark are late (side output or dropped); a buffered
/// element is cleaned up once no future element of the other side can match it.
/// </summary>
public sealed class IntervalJoinOperator<TKey, TLeft, TRight, TOut>(
    ProcessJoinFunction<TLeft, TRight, TOut> function, IntervalJoinBounds bounds,
    Func<TLeft, TKey> leftKey, Func<TRight, TKey> rightKey)
    : KeyedTwoInputOperator<TKey, TLeft, TRight, TOut>(leftKey, rightKey)
    where TKey : notnull
{
    /// <summary>The counter of late elements that were dropped.</summary>
    public const string LateDroppedCounter = "numLateRecordsDropped";

    private readonly ProcessJoinFunction<TLeft, TRight, TOut> _function = FunctionCopies.PerSubtask(function);
    private IMapState<long, List<TLeft>>? _leftBuffer;
    private IMapState<long, List<TRight>>? _rightBuffer;
    private TimestampedCollector<TOut>? _collector;
    private PairContext? _context;
    private ICounter? _lateDropped;

    /// <inheritdoc />
    public override void Open()
    {
        base.Open();
        _leftBuffer = Backend.GetMapState(new MapStateDescriptor<long, List<TLeft>>("_interval-join-left"));
        _rightBuffer = Backend.GetMapState(new MapStateDescriptor<long, List<TRight>>("_interval-join-right"));
        _collector = new TimestampedCollector<TOut>(Output);
        _context = new PairContext(Output);
        _lateDropped = Context.Counters.Get(LateDroppedCounter);
        FunctionCopies.Open(_function, new StreamingRuntimeContext(Context, Backend));
    }

    /// <inheritdoc />
    protected override void ProcessKeyed1(in StreamRecord<TLeft> record, TKey key)
    {
        if (IsLate(record.Timestamp, record.Value, bounds.LeftLateData))
            return;
        Buffer(_leftBuffer!, record.Timestamp, record.Value);
        foreach (var (timestamp, rights) in _rightBuffer!.Entries())
        {
            if (timestamp < record.Timestamp + bounds.Lower || timestamp > record.Timestamp + bounds.Upper)
                continue;
            foreach (var right in rights)
                Emit(record.Value, record.Timestamp, right, timestamp);
        }
        Timers.RegisterEventTimeTimer(VoidNamespace.Instance, bounds.Upper > 0 ? record.Timestamp + bounds.Upper : record.Timestamp);
    }

    /// <inheritdoc />
    protected override void ProcessKeyed2(in StreamRecord<TRight> record, TKey key)
    {
        if (IsLate(record.Timestamp, record.Value, bounds.RightLateData))
            return;
        Buffer(_rightBuffer!, record.Timestamp, record.Value);
        foreach (var (timestamp, lefts) in _leftBuffer!.Entries())
        {
            if (timestamp < record.Timestamp - bounds.Upper || timestamp > record.Timestamp - bounds.Lower)
                continue;
            foreach (var left in lefts)
                Emit(left, timestamp, record.Value, record.Timestamp);
        }
        Timers.RegisterEventTimeTimer(VoidNamespace.Instance, -bounds.Lower > 0 ? record.Timestamp - bounds.Lower : record.Timestamp);
    }

    /// <summary>
    /// Cleans up at a timer time: a left bucket registered its timer at ts + Upper (or ts), a right
    /// bucket at ts - Lower (or ts). Both sides are swept because timers are deduplicated per time.
    /// </summary>
    public override void OnEventTime(InternalTimer<TKey, VoidNamespace> timer)
    {
        _leftBuffer!.Remove(bounds.Upper <= 0 ? timer.Timestamp : timer.Timestamp - bounds.Upper);
        _rightBuffer!.Remove(bounds.Lower <= 0 ? timer.Timestamp + bounds.Lower : timer.Timestamp);
    }

    /// <inheritdoc />
    public override void OnProcessingTime(InternalTimer<TKey, VoidNamespace> timer) { }

    /// <inheritdoc />
    public override void Close() => FunctionCopies.Close(_function);

    private bool IsLate<T>(long timestamp, T value, OutputTag? lateTag)
    {
        if (timestamp == StreamRecord<T>.NoTimestamp)
            throw new InvalidOperationException(
                $"'{Context.OperatorName}' got an element without a timestamp; interval joins need event timestamps (assign them with a WatermarkStrategy).");
        var watermark = Timers.CurrentWatermark;
        if (watermark == Watermarks.Min || timestamp >= watermark)
            return false;
        if (lateTag is OutputTag<T> tag)
            Output.Collect(tag, new StreamRecord<T>(value, timestamp));
        else
            _lateDropped!.Add();
        return true;
    }

    private static void Buffer<T>(IMapState<long, List<T>> buffer, long timestamp, T value)
    {
        var bucket = buffer.Get(timestamp) ?? [];
        bucket.Add(value);
        // Put after the in-place append: a write is what marks the key group changed for the next checkpoint.
        buffer.Put(timestamp, bucket);
    }

    private void Emit(TLeft left, long leftTimestamp, TRight right, long rightTimestamp)
    {
        var timestamp = Math.Max(leftTimestamp, rightTimestamp);
        _collector!.Timestamp = timestamp;
        _context!.Set(leftTimestamp, rightTimestamp);
        _function.ProcessElement(left, right, _context, _collector);
    }

    private sealed class PairContext(IOutput<TOut> output) : ProcessJoinFunction<TLeft, TRight, TOut>.Context
    {
        private long _left;
        private long _right;

        public void Set(long left, long right)
        {
            _left = left;
            _right = right;
        }

        public override long LeftTimestamp => _left;

        public override long RightTimestamp => _right;

        public override long Timestamp => Math.Max(_left, _right);

        public override void Output<TSide>(OutputTag<TSide> tag, TSide value) =>
            output.Collect(tag, new StreamRecord<TSide>(value, Timestamp));
    }
}
