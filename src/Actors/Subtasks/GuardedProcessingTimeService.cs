using ActorStream.Graph;

namespace ActorStream.Actors.Subtasks;

/// <summary>One operator's view of the subtask's processing time: its callbacks fail the subtask in its own name.</summary>
internal sealed class GuardedProcessingTimeService(IProcessingTimeService inner, string operatorName) : IProcessingTimeService
{
    public long CurrentProcessingTime => inner.CurrentProcessingTime;

    public ScheduledCallback ScheduleAt(long timestamp, Action<long> onTime) =>
        inner.ScheduleAt(timestamp, now => OperatorException.Guard(operatorName, () => onTime(now)));
}
