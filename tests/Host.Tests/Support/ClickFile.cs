using System.Globalization;
using System.Text.Json;

namespace ActorStream.Host.Tests.Support;

/// <summary>
/// Generated clicks-job input and an independent single-threaded simulation of Flink's event-time window
/// semantics over it: tumbling windows, a bounded-out-of-orderness watermark after every record, the
/// event-time trigger, allowed lateness and the late-data side output.
/// </summary>
public static class ClickFile
{
    private static readonly string[] Actions = ["click", "cart", "buy"];

    /// <summary>
    /// Events over 40 items with mostly rising timestamps, some out of order within, beyond and far beyond the
    /// default out-of-orderness and lateness, some ahead, and malformed lines of every kind the job rejects.
    /// </summary>
    public static IReadOnlyList<string> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var lines = new List<string>(count);
        var clock = 1_700_000_003_217L; // not aligned to a window, so the first window is a partial one
        for (var i = 0; i < count; i++)
        {
            clock += random.Next(0, 120);
            var ts = random.Next(100) switch
            {
                < 70 => clock,
                < 85 => clock - random.Next(1, 2_001),       // within the out-of-orderness
                < 93 => clock - random.Next(2_001, 7_001),   // behind the watermark: late firings, some dropped
                < 97 => clock - random.Next(7_001, 30_001),  // mostly past the allowed lateness
                _ => clock + random.Next(1, 3_000),          // ahead: pulls the watermark forward
            };
            // Skewed popularity: low item numbers are much more frequent.
            var item = $"item-{(int)(40 * Math.Pow(random.NextDouble(), 2)):D2}";
            var draw = random.Next(100);
            var action = draw < 75 ? "click" : draw < 92 ? "cart" : "buy";
            var price = random.Next(3) == 0 ? random.Next(1, 500).ToString(CultureInfo.InvariantCulture) : Num(random.Next(99, 99_999) / 100m);
            var user = $"\"user\":\"u-{random.Next(500):D3}\",";
            lines.Add(random.Next(100) switch
            {
                < 3 => Malformed(random, item, action, price, ts, user),
                3 => $"{{\"item\":\"{item}\",\"action\":\"{action}\",\"price\":{price},\"ts\":{ts}}}",                    // no user: well-formed
                4 => $"{{{user}\"item\":\"{item}\",\"action\":\"{action}\",\"price\":{price},\"ts\":{ts},\"page\":\"/p/{i}\"}}", // unknown property: ignored
                _ => $"{{{user}\"item\":\"{item}\",\"action\":\"{action}\",\"price\":{price},\"ts\":{ts}}}",
            });
        }
        return lines;
    }

    /// <summary>What the job must write for <paramref name="lines"/>: window firings, late events and malformed lines, each canonical.</summary>
    public static Expectation Simulate(IEnumerable<string> lines, long size, long lateness, long outOfOrderness)
    {
        var firings = new List<string>();
        var late = new List<string>();
        var errors = new List<string>();
        var windows = new Dictionary<(string Item, long Start), Pane>();
        var lateFirings = 0;
        var watermark = long.MinValue;
        var maxTimestamp = long.MinValue;

        foreach (var line in lines)
        {
            if (!TryParse(line, out var e))
            {
                errors.Add(line);
                continue;
            }
            // The element sees the watermark from before it.
            var start = e.Ts - ((e.Ts % size) + size) % size;
            var maxInWindow = start + size - 1;
            if (maxInWindow + lateness <= watermark)
            {
                late.Add(line); // passed on unchanged
            }
            else
            {
                if (!windows.TryGetValue((e.Item, start), out var pane))
                    windows[(e.Item, start)] = pane = new Pane();
                pane.Add(e.Action, e.Price);
                if (maxInWindow <= watermark)
                {
                    firings.Add(pane.Fire(e.Item, start, size)); // the watermark passed the window's end: fire at once
                    lateFirings++;
                }
                else
                {
                    pane.TimerPending = true;
                }
            }
            maxTimestamp = Math.Max(maxTimestamp, e.Ts);
            if (maxTimestamp - outOfOrderness - 1 > watermark)
                watermark = Advance(maxTimestamp - outOfOrderness - 1);
        }
        Advance(long.MaxValue); // the end of the input
        return new Expectation(firings, late, errors, lateFirings);

        long Advance(long to)
        {
            foreach (var ((item, start), pane) in windows)
            {
                if (pane.TimerPending && start + size - 1 <= to)
                {
                    pane.TimerPending = false;
                    firings.Add(pane.Fire(item, start, size));
                }
            }
            foreach (var key in windows.Keys.Where(k => to == long.MaxValue || k.Start + size - 1 + lateness <= to).ToList())
                windows.Remove(key);
            return to;
        }
    }

    /// <summary>A window firing in the canonical form the tests compare.</summary>
    public static string Firing(string item, long start, long end, long clicks, long carts, long buys, decimal revenue) =>
        $"{item}|{start}|{end}|{clicks}|{carts}|{buys}|{Canonical(revenue)}";

    /// <summary>Writes <paramref name="lines"/> as a UTF-8 file.</summary>
    public static void Write(string path, IEnumerable<string> lines) => TransactionFile.Write(path, lines);

    private static string Malformed(Random random, string item, string action, string price, long ts, string user) => random.Next(14) switch
    {
        0 => $"{{{user}\"item\":\"{item}\",\"action\":\"{action}\",\"price\":{price}",                 // invalid JSON
        1 => $"{{{user}\"item\":\"{item}\",\"action\":\"{action}\",\"price\":{price}}}",               // missing ts
        2 => $"{{{user}\"item\":\"{item}\",\"action\":\"{action}\",\"price\":\"{price}\",\"ts\":{ts}}}", // price as a string
        3 => "",
        4 => $"{{{user}\"item\":\"{item}\",\"action\":\"view\",\"price\":{price},\"ts\":{ts}}}",        // unknown action
        5 => $"{{{user}\"item\":\"\",\"action\":\"{action}\",\"price\":{price},\"ts\":{ts}}}",          // empty item
        6 => $"{{{user}\"item\":null,\"action\":\"{action}\",\"price\":{price},\"ts\":{ts}}}",          // null item
        7 => $"{{{user}\"item\":\"{item}\",\"action\":\"{action}\",\"price\":{price},\"ts\":{ts}.5}}",  // fractional ts
        8 => $"{{{user}\"action\":\"{action}\",\"price\":{price},\"ts\":{ts}}}",                        // missing item
        9 => $"{{{user}\"item\":\"{item}\",\"action\":2,\"price\":{price},\"ts\":{ts}}}",               // action as a number
        10 => $"{{{user}\"item\":\"{item}\",\"ts\":{ts}}}",                                             // missing action and price
        11 => $"{{{user}\"item\":\"{item}\",\"action\":\"{action}\",\"price\":{price},\"ts\":\"{ts}\"}}", // ts as a string
        12 => "[1, 2, 3]",
        _ => "null",
    };

    /// <summary>Parses a line as the job is specified to accept it; false for a malformed line.</summary>
    private static bool TryParse(string line, out Event e)
    {
        e = default;
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("item", out var item) || item.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("price", out var price) || price.ValueKind != JsonValueKind.Number
                || !root.TryGetProperty("ts", out var ts) || ts.ValueKind != JsonValueKind.Number || !ts.TryGetInt64(out var timestamp)
                || !price.TryGetDecimal(out var amount))
                return false;
            string? user = null;
            if (root.TryGetProperty("user", out var u))
            {
                if (u.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                    return false;
                user = u.GetString();
            }
            e = new Event(user, item.GetString()!, action.GetString()!, amount, timestamp);
            return e.Item.Length > 0 && Actions.Contains(e.Action);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Canonical(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    private static string Num(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    /// <summary>The job's expected output: window firings, late events and malformed lines, and how many firings were late ones.</summary>
    public sealed record Expectation(IReadOnlyList<string> Firings, IReadOnlyList<string> Late, IReadOnlyList<string> Errors, int LateFirings);

    private readonly record struct Event(string? User, string Item, string Action, decimal Price, long Ts);

    /// <summary>A window's running totals and whether its end-of-window timer is still to fire.</summary>
    private sealed class Pane
    {
        private long _clicks;
        private long _carts;
        private long _buys;
        private decimal _revenue;

        public bool TimerPending { get; set; }

        public void Add(string action, decimal price)
        {
            switch (action)
            {
                case "click": _clicks++; break;
                case "cart": _carts++; break;
                default: _buys++; _revenue += price; break;
            }
        }

        public string Fire(string item, long start, long size) => Firing(item, start, start + size, _clicks, _carts, _buys, _revenue);
    }
}
