using ActorStream.Examples.Demo;
using ActorStream.Host.Console;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ActorStream.Host.Demo;

/// <summary>Renders the demo's leaderboard: a Spectre.Console table for terminals, plain text otherwise.</summary>
internal static class DemoTable
{
    /// <summary>The live table for <paramref name="snapshot"/>.</summary>
    public static IRenderable Render(DemoSnapshot snapshot)
    {
        var table = CreateTable(snapshot.Top);
        table.Title($"[bold]ActorStream demo[/]: top {snapshot.Top.Count} items by revenue");
        table.Caption(
            $"{(int)snapshot.Elapsed.TotalSeconds}s / {(int)snapshot.Duration.TotalSeconds}s  ·  " +
            $"{Formats.Count(snapshot.Events)} events ({Formats.Rate(snapshot.EventsPerSecond)})  ·  " +
            $"{Formats.Count(snapshot.Rejected)} rejected  ·  {Formats.Count(snapshot.Items)} items");
        return table;
    }

    /// <summary>The final table of <paramref name="top"/>.</summary>
    public static IRenderable RenderFinal(IReadOnlyList<ItemTotals> top) =>
        CreateTable(top).Title($"[bold]Final top {top.Count} items by revenue[/]");

    /// <summary>One log line for <paramref name="snapshot"/>: counts, rate and the top 3.</summary>
    public static string LogLine(DemoSnapshot snapshot)
    {
        var top = string.Join(", ", snapshot.Top.Take(3).Select((t, i) => $"{i + 1}. {t.Item} {Formats.Money(t.Revenue)}"));
        return $"{Formats.Elapsed(snapshot.Elapsed)} {Formats.Count(snapshot.Events)} events ({Formats.Rate(snapshot.EventsPerSecond)}), " +
            $"{Formats.Count(snapshot.Rejected)} rejected, {Formats.Count(snapshot.Items)} items | top: {(top.Length > 0 ? top : "-")}";
    }

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
            table.AddRow((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(t.Item),
                Formats.Count(t.Clicks), Formats.Count(t.Carts), Formats.Count(t.Buys), $"[green]{Formats.Money(t.Revenue)}[/]");
        }
        return table;
    }
}
