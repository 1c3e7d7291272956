using System.Diagnostics;
using ActorStream.Actors.JobMaster;

namespace ActorStream.Actors.Subtasks;

/// <summary>
/// Where a subtask's time goes (Flink's busyTimeMsPerSecond, backPressuredTimeMsPerSecond, idleTimeMsPerSecond):
/// busy while it processes input or polls its source, back-pressured while it has work but an output has no
/// credit, idle otherwise. The loop reports a state change at most twice per batch, never per record.
/// </summary>
internal sealed class SubtaskTimeMeter
{
    private enum State { Idle, Busy, BackPressured }

    private readonly long[] _ticks = new long[3];
    private State _state = State.Idle;
    private long _since = Stopwatch.GetTimestamp();
    private long _periodStart = Stopwatch.GetTimestamp();

    /// <summary>Processing starts.</summary>
    public void Busy() => Enter(State.Busy);

    /// <summary>Processing stopped: for lack of output credit (<paramref name="backPressured"/>) or of input.</summary>
    public void Stopped(bool backPressured) => Enter(backPressured ? State.BackPressured : State.Idle);

    /// <summary>The shares of the time since the last call, in milliseconds per second, and a new period.</summary>
    public SubtaskLoad Take()
    {
        var now = Stopwatch.GetTimestamp();
        Account(now);
        var period = Math.Max(1, now - _periodStart);
        int PerSecond(State s) => (int)Math.Round(1000.0 * _ticks[(int)s] / period);
        var load = new SubtaskLoad(PerSecond(State.Busy), PerSecond(State.BackPressured), PerSecond(State.Idle));
        Array.Clear(_ticks);
        _periodStart = now;
        return load;
    }

    private void Enter(State state)
    {
        if (state == _state)
            return;
        Account(Stopwatch.GetTimestamp());
        _state = state;
    }

    private void Account(long now)
    {
        _ticks[(int)_state] += now - _since;
        _since = now;
    }
}
