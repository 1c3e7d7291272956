using ActorStream.Examples.Demo;
using ActorStream.Host.Console;
using Spectre.Console;

namespace ActorStream.Host.Demo;

/// <summary>Shows the demo: a live table on a terminal, one log line per snapshot when output is redirected.</summary>
internal static class DemoDisplay
{
    /// <summary>Shows every snapshot until the sequence ends.</summary>
    public static Task ShowAsync(IAsyncEnumerable<DemoSnapshot> snapshots, HostConsole console) =>
        console.IsTerminal ? ShowLiveAsync(snapshots) : ShowLogLinesAsync(snapshots, console.Out);

    /// <summary>Prints the final summary and the top 10 over all windows, and where the results are.</summary>
    public static void PrintSummary(DemoSummary summary, IReadOnlyList<ItemTotals> top, string outputDirectory, HostConsole console)
    {
        var output = console.Out;
        output.WriteLine();
        output.WriteLine($"Demo finished: {Formats.Count(summary.Events)} events in {Formats.Seconds(TimeSpan.FromSeconds(summary.DurationSeconds))} " +
            $"({Formats.Count(summary.RejectedEvents)} rejected), {Formats.Count(summary.Items)} items, {DemoTable.Windows(summary.Windows)} closed, " +
            $"{Formats.Count(summary.Totals.Buys)} purchases worth {Formats.Money(summary.Totals.Revenue)}.");
        if (console.IsTerminal)
        {
            AnsiConsole.Write(DemoTable.RenderFinal(top, summary.Windows));
        }
        else
        {
            output.WriteLine($"Top 10 items by revenue over {DemoTable.Windows(summary.Windows)}:");
            DemoTable.WritePlain(top, output);
        }
        output.WriteLine($"Results in {outputDirectory}: windows/ (per-item totals of each window) and rejected/ (JSON lines), summary.json");
    }

    private static async Task ShowLiveAsync(IAsyncEnumerable<DemoSnapshot> snapshots)
    {
        var waiting = new Markup("[grey]Waiting for the first events...[/]");
        await AnsiConsole.Live(waiting).StartAsync(async context =>
        {
            await foreach (var snapshot in snapshots.ConfigureAwait(false))
            {
                context.UpdateTarget(DemoTable.Render(snapshot));
                context.Refresh();
            }
        }).ConfigureAwait(false);
    }

    private static async Task ShowLogLinesAsync(IAsyncEnumerable<DemoSnapshot> snapshots, TextWriter output)
    {
        await foreach (var snapshot in snapshots.ConfigureAwait(false))
            await output.WriteLineAsync(DemoTable.LogLine(snapshot)).ConfigureAwait(false);
    }
}
