using System.Text.Json;
using ActorStream.Examples.Demo;
using ActorStream.Graph;

namespace ActorStream.Host.Demo;

/// <summary>The outcome of a demo run, as written to summary.json.</summary>
internal sealed record DemoSummary(
    string Job,
    string JobId,
    int Seconds,
    double DurationSeconds,
    long Events,
    long ValidEvents,
    long RejectedEvents,
    int Items,
    int Windows,
    DemoSummary.ActionTotals Totals,
    IReadOnlyList<DemoSummary.RankedItem> Top10)
{
    /// <summary>The summary of <paramref name="result"/>, with totals and the top 10 over all closed windows read from <paramref name="leaderboard"/>.</summary>
    public static DemoSummary Create(JobExecutionResult result, Leaderboard leaderboard, int seconds)
    {
        var all = leaderboard.All();
        var valid = result.GetCounter(CleanClicks.ValidCounter);
        var rejected = result.GetCounter(CleanClicks.RejectedCounter);
        var totals = new ActionTotals(all.Sum(t => t.Clicks), all.Sum(t => t.Carts), all.Sum(t => t.Buys), all.Sum(t => t.Revenue));
        var top = leaderboard.Top(10)
            .Select((t, i) => new RankedItem(i + 1, t.Item, t.Clicks, t.Carts, t.Buys, t.Revenue))
            .ToList();
        return new DemoSummary(result.JobName, result.JobId, seconds, Math.Round(result.Duration.TotalSeconds, 3),
            valid + rejected, valid, rejected, all.Count, leaderboard.ClosedWindowCount, totals, top);
    }

    /// <summary>Writes the summary as indented JSON to <paramref name="path"/>.</summary>
    public void WriteTo(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, DemoJson.Indented) + "\n");

    /// <summary>Actions and revenue over all items.</summary>
    public sealed record ActionTotals(long Clicks, long Carts, long Buys, decimal Revenue);

    /// <summary>One row of the final leaderboard, summed over all windows.</summary>
    public sealed record RankedItem(int Rank, string Item, long Clicks, long Carts, long Buys, decimal Revenue);
}
