using ActorStream.Graph.Runtime;

namespace ActorStream.Actors.Exchange;

/// <summary>
/// Combines the watermarks of one input's channels (Flink's StatusWatermarkValve): event time is
/// the minimum over channels that are active, aligned and not ended, and only moves forward.
/// An idle channel does not hold event time back; when it becomes active again it counts only
/// once its watermark has caught up with the combined one. The input is idle when every open
/// channel is.
/// </summary>
internal sealed class WatermarkValve
{
    private readonly Channel[] _channels;
    private long _emitted = Watermarks.Min;

    public WatermarkValve(int channels) =>
        _channels = Enumerable.Range(0, channels).Select(_ => new Channel()).ToArray();

    /// <summary>The combined watermark emitted so far.</summary>
    public long Current => _emitted;

    /// <summary>True when every channel that has not ended is idle.</summary>
    public bool IsIdle { get; private set; }

    /// <summary>Records a channel's watermark; returns the new combined watermark if it advanced.</summary>
    public long? OnWatermark(int channel, long watermark)
    {
        var c = _channels[channel];
        if (watermark <= c.Watermark)
            return null;
        c.Watermark = watermark;
        if (!c.Aligned && watermark >= _emitted)
            c.Aligned = true;
        return Advance();
    }

    /// <summary>A channel became idle or active; returns the new combined watermark if it advanced.</summary>
    public long? OnStatus(int channel, bool idle)
    {
        var c = _channels[channel];
        if (c.Ended || c.Idle == idle)
            return null;
        c.Idle = idle;
        if (!idle)
            c.Aligned = c.Watermark >= _emitted; // it may have fallen behind while idle
        return Advance();
    }

    /// <summary>A channel ended and no longer holds event time back; returns the new combined watermark if it advanced.</summary>
    public long? OnChannelEnded(int channel)
    {
        _channels[channel].Ended = true;
        return Advance();
    }

    private long? Advance()
    {
        var min = long.MaxValue;
        var counted = false;
        var anyOpen = false;
        var allIdle = true;
        foreach (var c in _channels)
        {
            if (c.Ended)
                continue;
            anyOpen = true;
            if (c.Idle)
                continue;
            allIdle = false;
            if (!c.Aligned)
                continue;
            counted = true;
            min = Math.Min(min, c.Watermark);
        }
        IsIdle = anyOpen && allIdle;
        if (!counted || min <= _emitted)
            return null;
        _emitted = min;
        return min;
    }

    private sealed class Channel
    {
        public long Watermark = Watermarks.Min;
        public bool Idle;
        public bool Aligned = true;
        public bool Ended;
    }
}
