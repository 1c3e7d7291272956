namespace ActorStream.Actors.Tests.Support;

/// <summary>A clock that moves only when a test advances it (timestamps in ticks of 1 ms).</summary>
internal sealed class SteppingTimeProvider : TimeProvider
{
    private long _now;

    public override long TimestampFrequency => 1000;

    public override long GetTimestamp() => _now;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UnixEpoch.AddMilliseconds(_now);

    public void Advance(TimeSpan by) => _now += (long)by.TotalMilliseconds;
}
