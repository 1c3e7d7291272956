namespace ActorStream.Actors.JobMaster;

/// <summary>
/// The job master's side of watermark alignment (Flink's SourceCoordinator for alignment groups): the latest
/// watermark each source subtask reported, per alignment group, across all sources of the group. One table per
/// attempt, so a restarted job does not align with the watermarks of the attempt before.
/// </summary>
internal sealed class WatermarkAlignmentTable
{
    private readonly Dictionary<string, Dictionary<(string VertexId, int SubtaskIndex), long>> _groups = new(StringComparer.Ordinal);

    /// <summary>Records a subtask's report and returns the group's minimum over every subtask that reported so far.</summary>
    public long Report(ReportSourceWatermark report)
    {
        if (!_groups.TryGetValue(report.Group, out var group))
            _groups.Add(report.Group, group = []);
        group[(report.VertexId, report.SubtaskIndex)] = report.Watermark;
        var minimum = long.MaxValue;
        foreach (var watermark in group.Values)
            minimum = Math.Min(minimum, watermark);
        return minimum;
    }
}
