namespace ActorStream.Graph;

/// <summary>
/// Watermark alignment of a source (Flink's FLIP-182): splits and subtasks whose watermark runs more than
/// <see cref="MaxDrift"/> ms ahead of the smallest watermark of <see cref="Group"/> pause reading until the others
/// catch up. Checked, and reported to the job master, every <see cref="UpdateInterval"/> ms of processing time.
/// </summary>
/// <param name="Group">The alignment group: sources that name the same group are aligned with each other.</param>
/// <param name="MaxDrift">How far, in milliseconds, a watermark may run ahead of the group's minimum.</param>
/// <param name="UpdateInterval">How often, in milliseconds, alignment is checked and the watermark reported.</param>
public sealed record WatermarkAlignmentParams(string Group, long MaxDrift, long UpdateInterval)
{
    /// <summary>Flink's default update interval: one second.</summary>
    public static readonly TimeSpan DefaultUpdateInterval = TimeSpan.FromSeconds(1);

    /// <summary>The largest watermark a split or subtask may have while the group's minimum is <paramref name="groupMinimum"/>.</summary>
    public long MaxAllowedWatermark(long groupMinimum) =>
        groupMinimum > long.MaxValue - MaxDrift ? long.MaxValue : groupMinimum + MaxDrift;
}
