using ActorStream.Graph.Runtime;

namespace ActorStream.Actors.Exchange;

/// <summary>
/// Combines the watermarks of a subtask's input channels: the subtask's event time is the minimum
/// over channels that have not ended, and it only ever moves forward (Flink's StatusWatermarkValve).
/// </summary>
internal sealed class WatermarkValve
{
    private readonly long[] _watermarks;
    private readonly bool[] _ended;
    private long _emitted = Watermarks.Min;

    public WatermarkValve(int channels)
    {
        _watermarks = new long[channels];
        Array.Fill(_watermarks, Watermarks.Min);
        _ended = new bool[channels];
    }

    /// <summary>The combined watermark emitted so far.</summary>
    public long Current => _emitted;

    /// <summary>Records a channel's watermark; returns the new combined watermark if it advanced.</summary>
    public long? OnWatermark(int channel, long watermark)
    {
        if (watermark <= _watermarks[channel])
            return null;
        _watermarks[channel] = watermark;
        return Advance();
    }

    /// <summary>A channel ended and no longer holds event time back; returns the new combined watermark if it advanced.</summary>
    public long? OnChannelEnded(int channel)
    {
        _ended[channel] = true;
        return Advance();
    }

    private long? Advance()
    {
        var min = long.MaxValue;
        var open = false;
        for (var i = 0; i < _watermarks.Length; i++)
        {
            if (_ended[i])
                continue;
            open = true;
            min = Math.Min(min, _watermarks[i]);
        }
        if (!open || min <= _emitted)
            return null;
        _emitted = min;
        return min;
    }
}
