using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Operators;

/// <summary>
/// An operator with two inputs of different types. Its event time is the minimum of the two
/// inputs' watermarks, as in Flink's AbstractStreamOperator.processWatermark1/2; an idle input
/// does not hold it back, and the operator is idle when both inputs are.
/// </summary>
public abstract class TwoInputStreamOperator<TIn1, TIn2, TOut> : StreamOperator<TOut>, ITwoInputOperator
{
    private long _watermark1 = Watermarks.Min;
    private long _watermark2 = Watermarks.Min;
    private long _combined = Watermarks.Min;
    private bool _idle1;
    private bool _idle2;

    /// <summary>Processes a record of the first input.</summary>
    public abstract void ProcessElement1(in StreamRecord<TIn1> record);

    /// <summary>Processes a record of the second input.</summary>
    public abstract void ProcessElement2(in StreamRecord<TIn2> record);

    /// <summary>Processes a batch of the first input with the key groups its keyed edge carried; by default record by record.</summary>
    public virtual void ProcessBatch1(ReadOnlySpan<StreamRecord<TIn1>> batch, BatchKeyGroups keyGroups)
    {
        foreach (ref readonly var record in batch)
            ProcessElement1(in record);
    }

    /// <summary>Processes a batch of the second input with the key groups its keyed edge carried; by default record by record.</summary>
    public virtual void ProcessBatch2(ReadOnlySpan<StreamRecord<TIn2>> batch, BatchKeyGroups keyGroups)
    {
        foreach (ref readonly var record in batch)
            ProcessElement2(in record);
    }

    /// <summary>The first input's watermark advanced.</summary>
    public void ProcessWatermark1(long watermark)
    {
        _watermark1 = watermark;
        AdvanceCombined();
    }

    /// <summary>The second input's watermark advanced.</summary>
    public void ProcessWatermark2(long watermark)
    {
        _watermark2 = watermark;
        AdvanceCombined();
    }

    /// <summary>The first input became idle or active.</summary>
    public void ProcessWatermarkStatus1(bool idle) => OnStatus(ref _idle1, idle);

    /// <summary>The second input became idle or active.</summary>
    public void ProcessWatermarkStatus2(bool idle) => OnStatus(ref _idle2, idle);

    /// <summary>The inputs as one-input views, for the runtime's typed dispatch.</summary>
    public IWatermarkInput Input(int index) => index switch
    {
        0 => new FirstInput(this),
        1 => new SecondInput(this),
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "A two-input operator has inputs 0 and 1."),
    };

    private void OnStatus(ref bool inputIdle, bool idle)
    {
        var wasIdle = _idle1 && _idle2;
        inputIdle = idle;
        if ((_idle1 && _idle2) != wasIdle)
            ProcessWatermarkStatus(!wasIdle);
        AdvanceCombined();
    }

    private void AdvanceCombined()
    {
        if (_idle1 && _idle2)
            return;
        var combined = _idle1 ? _watermark2 : _idle2 ? _watermark1 : Math.Min(_watermark1, _watermark2);
        if (combined <= _combined)
            return;
        _combined = combined;
        ProcessWatermark(combined);
    }

    private sealed class FirstInput(TwoInputStreamOperator<TIn1, TIn2, TOut> op) : IInput<TIn1>
    {
        public void ProcessElement(in StreamRecord<TIn1> record) => op.ProcessElement1(in record);

        public void ProcessBatch(ReadOnlySpan<StreamRecord<TIn1>> batch, BatchKeyGroups keyGroups) => op.ProcessBatch1(batch, keyGroups);

        public void ProcessWatermark(long watermark) => op.ProcessWatermark1(watermark);

        public void ProcessWatermarkStatus(bool idle) => op.ProcessWatermarkStatus1(idle);
    }

    private sealed class SecondInput(TwoInputStreamOperator<TIn1, TIn2, TOut> op) : IInput<TIn2>
    {
        public void ProcessElement(in StreamRecord<TIn2> record) => op.ProcessElement2(in record);

        public void ProcessBatch(ReadOnlySpan<StreamRecord<TIn2>> batch, BatchKeyGroups keyGroups) => op.ProcessBatch2(batch, keyGroups);

        public void ProcessWatermark(long watermark) => op.ProcessWatermark2(watermark);

        public void ProcessWatermarkStatus(bool idle) => op.ProcessWatermarkStatus2(idle);
    }
}

/// <summary>The untyped view of a two-input operator.</summary>
public interface ITwoInputOperator : IStreamOperator
{
    /// <summary>Input <paramref name="index"/> as a typed <see cref="IInput{T}"/> (0 or 1).</summary>
    IWatermarkInput Input(int index);
}
