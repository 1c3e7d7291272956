using System.Globalization;
using ActorStream.Examples.Demo;
using ActorStream.Host.Console;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ActorStream.Host.Demo;

/// <summary>Renders the demo's leaderboards: Spectre.Console tables for terminals, plain text otherwise.</summary>
internal static class DemoTable
{
    /// <summary>The live view of <paramref name="snapshot"/>: the open window's leaders above the last closed window's top 10.</summary>
    public static IRenderable Render(DemoSnapshot snapshot)
    {
        var open = CreateTable(snapshot.OpenWindow?.Items ?? []);
        open.Title(snapshot.OpenWindow is { } o
            ? $"[bold]ActorStream demo[/]: open window {Window(o)}, early results"
            : "[bold]ActorStream demo[/]: waiting for the first window results");
        var closed = CreateTable(snapshot.LastClosedWindow?.Items ?? []);
        closed.Title(snapshot.LastClosedWindow is { } c
            ? $"[bold]Last closed window {Window(c)}[/] ({Windows(snapshot.ClosedWindows)} closed)"
            : "[bold]No window has closed yet[/]");
        // A line of its own rather than a caption, which would wrap to the width of a still empty table.
        var status = new Markup(
            $"[grey]{(int)snapshot.Elapsed.TotalSeconds}s / {(int)snapshot.Duration.TotalSeconds}s · " +
            $"{Formats.Count(snapshot.Events)} events ({Formats.Rate(snapshot.EventsPerSecond)}) · " +
            $"{Formats.Count(snapshot.Rejected)} rejected · {Formats.Count(snapshot.Items)} items[/]");
        return new Rows(open, closed, status);
    }

    /// <summary>The final table of <paramref name="top"/>, summed over <paramref name="windows"/> windows.</summary>
    public static IRenderable RenderFinal(IReadOnlyList<ItemTotals> top, int windows) =>
        CreateTable(top).Title($"[bold]Final top {top.Count} items by revenue over {Windows(windows)}[/]");

    /// <summary>One log line for <paramref name="snapshot"/>: counts, rate and the top 3 of the open and the last closed window.</summary>
    public static string LogLine(DemoSnapshot snapshot) =>
        $"{Formats.Elapsed(snapshot.Elapsed)} {Formats.Count(snapshot.Events)} events ({Formats.Rate(snapshot.EventsPerSecond)}), " +
        $"{Formats.Count(snapshot.Rejected)} rejected, {Formats.Count(snapshot.Items)} items, " +
        $"{Windows(snapshot.ClosedWindows)} closed | open {Top3(snapshot.OpenWindow)} | closed {Top3(snapshot.LastClosedWindow)}";

    /// <summary>A number of windows: "1 window", "12 windows".</summary>
    public static string Windows(int count) => $"{Formats.Count(count)} window{(count == 1 ? "" : "s")}";

    /// <summary>Writes <paramref name="top"/> as an aligned plain-text table.</summary>
    public static void WritePlain(IReadOnlyList<ItemTotals> top, TextWriter output)
    {
        var width = Math.Max(4, top.Select(t => t.Item.Length).DefaultIfEmpty(0).Max());
        output.WriteLine($"  {"#",2}  {"Item".PadRight(width)}  {"Clicks",9}  {"Carts",8}  {"Buys",7}  {"Revenue",14}");
        foreach (var (t, i) in top.Select((t, i) => (t, i)))
        {
            output.WriteLine($"  {i + 1,2}  {t.Item.PadRight(width)}  {Formats.Count(t.Clicks),9}  {Formats.Count(t.Carts),8}  " +
                $"{Formats.Count(t.Buys),7}  {Formats.Money(t.Revenue),14}");
        }
    }

    /// <summary>An event-time window as its UTC clock times, e.g. "14:05-14:06".</summary>
    private static string Window(WindowTop window) =>
        $"{Clock(window.Start)}-{Clock(window.End)}";

    private static string Clock(long epochMillis) =>
        DateTimeOffset.FromUnixTimeMilliseconds(epochMillis).UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Top3(WindowTop? window)
    {
        if (window is null)
            return "-";
        var top = string.Join(", ", window.Items.Take(3).Select((t, i) => $"{i + 1}. {t.Item} {Formats.Money(t.Revenue)}"));
        return $"{Window(window)}: {(top.Length > 0 ? top : "-")}";
    }

    private static Table CreateTable(IReadOnlyList<ItemTotals> top)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("#").RightAligned());
        table.AddColumn("Item");
        table.AddColumn(new TableColumn("Clicks").RightAligned());
        table.AddColumn(new TableColumn("Carts").RightAligned());
        table.AddColumn(new TableColumn("Buys").RightAligned());
        table.AddColumn(new TableColumn("Revenue").RightAligned());
        foreach (var (t, i) in top.Select((t, i) => (t, i)))
        {
            table.AddRow((i + 1).ToString(CultureInfo.InvariantCulture), Markup.Escape(t.Item),
                Formats.Count(t.Clicks), Formats.Count(t.Carts), Formats.Count(t.Buys), $"[green]{Formats.Money(t.Revenue)}[/]");
        }
        return table;
    }
}
