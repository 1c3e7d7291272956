using ActorStream.Graph;

namespace ActorStream.Actors.Checkpointing;

/// <summary>What the subtask does after a barrier or an ended channel.</summary>
/// <param name="Block">Exactly-once: hold the channel's later input back until the checkpoint is taken.</param>
/// <param name="Complete">Every live channel delivered this barrier: snapshot now, forward it, unblock.</param>
/// <param name="Aborted">A newer barrier overtook an unfinished alignment: this checkpoint is given up.</param>
internal readonly record struct AlignmentStep(bool Block, CheckpointBarrier? Complete, long? Aborted);

/// <summary>
/// Tracks which input channels delivered the barrier of the checkpoint in progress (Flink's
/// CheckpointBarrierHandler, aligned for exactly-once and tracking-only for at-least-once).
/// A checkpoint is taken when every channel that has not ended delivered its barrier.
/// </summary>
internal sealed class BarrierAligner(int channelCount, CheckpointingMode mode)
{
    private readonly bool[] _received = new bool[channelCount];
    private readonly bool[] _ended = new bool[channelCount];
    private CheckpointBarrier? _current;
    private int _receivedCount;
    private int _endedCount;
    private long _lastCompleted = long.MinValue;

    /// <summary>The checkpoint being aligned, if any.</summary>
    public long? Aligning => _current?.Id;

    /// <summary>A barrier arrived on <paramref name="channel"/>.</summary>
    public AlignmentStep OnBarrier(int channel, CheckpointBarrier barrier)
    {
        if (barrier.Id <= _lastCompleted || (_current is { } current && barrier.Id < current.Id))
            return default; // stale: that checkpoint was already taken or given up
        long? aborted = null;
        if (_current is { } older && barrier.Id > older.Id)
        {
            aborted = older.Id;
            Reset();
        }
        _current ??= barrier;
        if (!_received[channel])
        {
            _received[channel] = true;
            _receivedCount++;
        }
        if (_receivedCount + _endedCount >= channelCount)
            return new AlignmentStep(false, Finish(), aborted);
        return new AlignmentStep(mode == CheckpointingMode.ExactlyOnce, null, aborted);
    }

    /// <summary>A channel ended: the alignment in progress no longer waits for it.</summary>
    public CheckpointBarrier? OnChannelEnded(int channel)
    {
        if (_ended[channel])
            return null;
        _ended[channel] = true;
        _endedCount++;
        if (_received[channel])
        {
            _received[channel] = false;
            _receivedCount--;
        }
        return _current is not null && _receivedCount + _endedCount >= channelCount ? Finish() : null;
    }

    /// <summary>Gives up the alignment of <paramref name="checkpointId"/> (aborted by the job master).</summary>
    public bool Abort(long checkpointId)
    {
        if (_current?.Id != checkpointId)
            return false;
        _lastCompleted = Math.Max(_lastCompleted, checkpointId);
        Reset();
        return true;
    }

    private CheckpointBarrier Finish()
    {
        var barrier = _current!;
        _lastCompleted = barrier.Id;
        Reset();
        return barrier;
    }

    private void Reset()
    {
        _current = null;
        _receivedCount = 0;
        for (var i = 0; i < _received.Length; i++)
            _received[i] = false;
    }
}
