namespace ActorStream.Bench.Nexmark.Latency;

/// <summary>
/// A value with the <see cref="System.Diagnostics.Stopwatch"/> timestamp of the moment its source emitted the event it
/// comes from. A struct, so carrying the time through a chain of operators allocates nothing.
/// </summary>
/// <param name="Value">The event or result.</param>
/// <param name="EmittedAt">When the source emitted the event, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</param>
public readonly record struct Stamped<T>(T Value, long EmittedAt);
