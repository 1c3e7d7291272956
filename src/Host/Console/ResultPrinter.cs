using ActorStream.Graph;

namespace ActorStream.Host.Console;

/// <summary>Prints a finished job's result: its id, duration and counters.</summary>
internal static class ResultPrinter
{
    /// <summary>Writes <paramref name="result"/> to <paramref name="output"/>, counters sorted by name.</summary>
    public static void Print(JobExecutionResult result, TextWriter output)
    {
        output.WriteLine($"Job '{result.JobName}' finished.");
        output.WriteLine($"  job id    {result.JobId}");
        output.WriteLine($"  duration  {Formats.Seconds(result.Duration)}");
        if (result.CompletedCheckpoints > 0)
            output.WriteLine($"  checkpoints  {result.CompletedCheckpoints} completed, latest {result.LatestCheckpoint}");
        if (result.Restarts > 0)
            output.WriteLine($"  restarts  {result.Restarts}");
        if (result.Counters.Count == 0)
            return;
        output.WriteLine("  counters");
        var width = result.Counters.Keys.Max(name => name.Length);
        foreach (var (name, value) in result.Counters.OrderBy(c => c.Key, StringComparer.Ordinal))
            output.WriteLine($"    {name.PadRight(width)}  {Formats.Count(value),15}");
    }
}
