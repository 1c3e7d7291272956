using ActorStream.Graph;
using ActorStream.Graph.Runtime;

namespace ActorStream.Testing;

/// <summary>Something an operator emitted, in the order it was emitted.</summary>
public abstract record OutputEvent;

/// <summary>A record on the main output.</summary>
public sealed record RecordEmitted(object? Value, long Timestamp) : OutputEvent;

/// <summary>A record on the side output with tag id <see cref="TagId"/>.</summary>
public sealed record SideRecordEmitted(string TagId, object? Value, long Timestamp) : OutputEvent;

/// <summary>A watermark.</summary>
public sealed record WatermarkEmitted(long Watermark) : OutputEvent;

/// <summary>The stream became idle (<paramref name="Idle"/>) or active again.</summary>
public sealed record WatermarkStatusEmitted(bool Idle) : OutputEvent;

/// <summary>An <see cref="IOutput{T}"/> that records main records, side outputs per tag, watermarks and watermark statuses, in order.</summary>
public sealed class CollectingOutput<T> : IOutput<T>
{
    private readonly List<OutputEvent> _events = [];
    private readonly List<StreamRecord<T>> _records = [];
    private readonly List<long> _watermarks = [];
    private readonly List<bool> _statuses = [];
    private readonly Dictionary<OutputTag, List<object>> _sideOutputs = [];

    /// <summary>Everything emitted, in order.</summary>
    public IReadOnlyList<OutputEvent> Events => _events;

    /// <summary>The main-output records, in order.</summary>
    public IReadOnlyList<StreamRecord<T>> Records => _records;

    /// <summary>The main-output values, in order.</summary>
    public IReadOnlyList<T> Values => [.. _records.Select(r => r.Value)];

    /// <summary>The watermarks, in order.</summary>
    public IReadOnlyList<long> Watermarks => _watermarks;

    /// <summary>The watermark statuses, in order: true for idle, false for active again.</summary>
    public IReadOnlyList<bool> Statuses => _statuses;

    /// <summary>The tags that received at least one record.</summary>
    public IReadOnlyCollection<OutputTag> SideOutputTags => _sideOutputs.Keys;

    /// <summary>The records emitted to <paramref name="tag"/>, in order (empty when none).</summary>
    public IReadOnlyList<StreamRecord<TSide>> SideOutput<TSide>(OutputTag<TSide> tag) =>
        _sideOutputs.TryGetValue(tag, out var records) ? [.. records.Cast<StreamRecord<TSide>>()] : [];

    /// <inheritdoc />
    public void Collect(in StreamRecord<T> record)
    {
        _records.Add(record);
        _events.Add(new RecordEmitted(record.Value, record.Timestamp));
    }

    /// <inheritdoc />
    public void Collect<TSide>(OutputTag<TSide> tag, in StreamRecord<TSide> record)
    {
        if (!_sideOutputs.TryGetValue(tag, out var records))
            _sideOutputs.Add(tag, records = []);
        records.Add(record);
        _events.Add(new SideRecordEmitted(tag.Id, record.Value, record.Timestamp));
    }

    /// <inheritdoc />
    public void EmitWatermark(long watermark)
    {
        _watermarks.Add(watermark);
        _events.Add(new WatermarkEmitted(watermark));
    }

    /// <inheritdoc />
    public void EmitWatermarkStatus(bool idle)
    {
        _statuses.Add(idle);
        _events.Add(new WatermarkStatusEmitted(idle));
    }

    /// <summary>Forgets everything recorded so far.</summary>
    public void Clear()
    {
        _events.Clear();
        _records.Clear();
        _watermarks.Clear();
        _statuses.Clear();
        _sideOutputs.Clear();
    }
}
