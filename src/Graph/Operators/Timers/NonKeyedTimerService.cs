namespace ActorStream.Graph.Operators.Timers;

/// <summary>Time without timers, for process functions on non-keyed streams (timers need a key, as in Flink).</summary>
internal sealed class NonKeyedTimerService(OperatorContext context, Func<long> currentWatermark) : ITimerService
{
    public long CurrentProcessingTime() => context.ProcessingTime.CurrentProcessingTime;

    public long CurrentWatermark() => currentWatermark();

    public void RegisterEventTimeTimer(long time) => throw NotKeyed();

    public void RegisterProcessingTimeTimer(long time) => throw NotKeyed();

    public void DeleteEventTimeTimer(long time) => throw NotKeyed();

    public void DeleteProcessingTimeTimer(long time) => throw NotKeyed();

    private InvalidOperationException NotKeyed() => new(
        $"Operator '{context.OperatorName}' sets a timer, but timers are only supported on keyed streams: use KeyBy(...).Process(KeyedProcessFunction).");
}
