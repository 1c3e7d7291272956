using System.Diagnostics;

namespace ActorStream.Graph.Plan;

/// <summary>
/// Which subtasks a pointwise edge connects (Flink's EdgeManagerBuildUtil.connectPointwise): with
/// equal parallelism sender i feeds target i; with more targets each sender feeds a contiguous group
/// of targets; with more senders each target reads a contiguous group of senders. Sender and
/// receiver both derive their channels from here, so they agree on every channel number.
/// </summary>
public static class PointwisePattern
{
    /// <summary>The contiguous targets sender <paramref name="sender"/> feeds, out of <paramref name="targets"/>, when there are <paramref name="senders"/>.</summary>
    public static (int Start, int Count) TargetsOf(int sender, int senders, int targets)
    {
        Check(sender, senders, targets);
        if (senders >= targets)
        {
            // Target t reads senders [t*S/T, (t+1)*S/T): the sender's target is the last t whose range starts at or before it.
            var target = (int)(((long)(sender + 1) * targets + senders - 1) / senders) - 1;
            Debug.Assert(SendersOf(target, senders, targets) is var range && sender >= range.Start && sender < range.Start + range.Count);
            return (target, 1);
        }
        var start = CeilDiv((long)sender * targets, senders);
        var end = CeilDiv((long)(sender + 1) * targets, senders);
        return (start, end - start);
    }

    /// <summary>The contiguous senders target <paramref name="target"/> reads, out of <paramref name="senders"/>, when there are <paramref name="targets"/>.</summary>
    public static (int Start, int Count) SendersOf(int target, int senders, int targets)
    {
        if (senders < 1 || targets < 1)
            throw new ArgumentOutOfRangeException(nameof(senders), $"Both sides of an edge need parallelism at least 1, not {senders} and {targets}.");
        if (target < 0 || target >= targets)
            throw new ArgumentOutOfRangeException(nameof(target), target, $"A target subtask index must be in 0..{targets - 1}.");
        if (senders < targets)
            return ((int)((long)target * senders / targets), 1);
        var start = (int)((long)target * senders / targets);
        var end = (int)((long)(target + 1) * senders / targets);
        return (start, end - start);
    }

    private static int CeilDiv(long dividend, int divisor) => (int)((dividend + divisor - 1) / divisor);

    private static void Check(int sender, int senders, int targets)
    {
        if (senders < 1 || targets < 1)
            throw new ArgumentOutOfRangeException(nameof(senders), $"Both sides of an edge need parallelism at least 1, not {senders} and {targets}.");
        if (sender < 0 || sender >= senders)
            throw new ArgumentOutOfRangeException(nameof(sender), sender, $"A sender subtask index must be in 0..{senders - 1}.");
    }
}
