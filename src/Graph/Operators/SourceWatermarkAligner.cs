namespace ActorStream.Graph.Operators;

/// <summary>
/// Decides, for one source subtask, which splits pause and whether the subtask pauses, so that no watermark runs
/// more than the drift ahead of its alignment group's minimum (Flink's SourceOperator with watermark alignment).
/// The minimum is the smallest of this subtask's active split watermarks and the group minimum the job master
/// last reported over all subtasks of all sources of the group.
/// </summary>
internal sealed class SourceWatermarkAligner(WatermarkAlignmentParams alignment)
{
    private readonly HashSet<string> _pausedSplits = new(StringComparer.Ordinal);
    private TaskCompletionSource? _resumed;

    /// <summary>The alignment settings.</summary>
    public WatermarkAlignmentParams Params => alignment;

    /// <summary>The group minimum the job master reported last; long.MaxValue before any report.</summary>
    public long GroupMinimum { get; set; } = long.MaxValue;

    /// <summary>The largest watermark allowed at the last check; long.MaxValue when nothing bounds it.</summary>
    public long MaxAllowedWatermark { get; private set; } = long.MaxValue;

    /// <summary>True while the subtask's own watermark is beyond the allowed one: it must not be polled.</summary>
    public bool SubtaskPaused { get; private set; }

    /// <summary>False once the reader said it cannot pause single splits.</summary>
    public bool CanPauseSplits { get; private set; } = true;

    /// <summary>The splits paused now.</summary>
    public IReadOnlyCollection<string> PausedSplits => _pausedSplits;

    /// <summary>Completes when the subtask may be polled again.</summary>
    public Task WhenResumed => SubtaskPaused
        ? (_resumed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task
        : Task.CompletedTask;

    /// <summary>
    /// Re-checks alignment: <paramref name="splits"/> are this subtask's splits with their watermarks (idle ones do not hold the minimum),
    /// <paramref name="subtaskWatermark"/> the watermark it emitted; pauses and resumes splits through <paramref name="pauseOrResume"/>.
    /// </summary>
    public void Align(IReadOnlyCollection<(string Id, long Watermark, bool Idle)> splits, long subtaskWatermark,
        Func<IReadOnlyCollection<string>, IReadOnlyCollection<string>, bool> pauseOrResume)
    {
        var minimum = GroupMinimum;
        foreach (var (_, watermark, idle) in splits)
        {
            if (!idle)
                minimum = Math.Min(minimum, watermark);
        }
        MaxAllowedWatermark = minimum == long.MaxValue ? long.MaxValue : alignment.MaxAllowedWatermark(minimum);
        if (CanPauseSplits)
            AlignSplits(splits, pauseOrResume);
        var paused = subtaskWatermark > MaxAllowedWatermark;
        if (paused == SubtaskPaused)
            return;
        SubtaskPaused = paused;
        if (!paused)
        {
            _resumed?.TrySetResult();
            _resumed = null;
        }
    }

    /// <summary>A split ended: it is no longer paused.</summary>
    public void Released(string splitId) => _pausedSplits.Remove(splitId);

    private void AlignSplits(IReadOnlyCollection<(string Id, long Watermark, bool Idle)> splits, Func<IReadOnlyCollection<string>, IReadOnlyCollection<string>, bool> pauseOrResume)
    {
        List<string> pause = [];
        List<string> resume = [];
        foreach (var (id, watermark, _) in splits)
        {
            var ahead = watermark > MaxAllowedWatermark;
            if (ahead && !_pausedSplits.Contains(id))
                pause.Add(id);
            else if (!ahead && _pausedSplits.Contains(id))
                resume.Add(id);
        }
        if (pause.Count == 0 && resume.Count == 0)
            return;
        if (!pauseOrResume(pause, resume))
        {
            CanPauseSplits = false; // aligned as a whole subtask only, like Flink with allow-unaligned-source-splits
            return;
        }
        _pausedSplits.UnionWith(pause);
        _pausedSplits.ExceptWith(resume);
    }
}
