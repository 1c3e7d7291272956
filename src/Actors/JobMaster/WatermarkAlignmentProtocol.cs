using ActorStream.Actors.Subtasks;

namespace ActorStream.Actors.JobMaster;

/// <summary>
/// A source subtask with watermark alignment reports its watermark (long.MaxValue once idle or ended) every update
/// interval; the job master answers with <see cref="AlignSourceWatermarks"/> (Flink's ReportedWatermarkEvent).
/// </summary>
public sealed record ReportSourceWatermark(string Group, string VertexId, int SubtaskIndex, long Watermark) : IJobMasterMessage;

/// <summary>
/// The smallest watermark the subtasks of alignment group <paramref name="Group"/> reported: the source subtask pauses
/// what runs more than its maximum drift ahead of it (Flink's WatermarkAlignmentEvent, which carries minimum + drift).
/// </summary>
public sealed record AlignSourceWatermarks(string Group, long GroupMinimum) : ISubtaskCommand;
