using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ActorStream.Host.Tests.Support;

/// <summary>Generated fraud-job input and an independent computation of its expected alerts.</summary>
public static class TransactionFile
{
    /// <summary>Transactions ordered by ts over a few hundred accounts, with small/large pairs inside and outside a minute, and malformed lines.</summary>
    public static IReadOnlyList<string> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var lines = new List<string>(count);
        var ts = 1_700_000_000_000L;
        for (var i = 0; i < count; i++)
        {
            ts += random.Next(0, 900); // ~40 s of gaps per account on average: pairs fall either side of a minute
            var account = $"acct-{random.Next(300):D3}";
            var amount = random.Next(10) switch
            {
                0 or 1 => random.Next(1, 100) / 100m,        // small
                2 or 3 => 500m + random.Next(1, 100_000) / 100m, // large
                4 => 500.00m,                                // exactly 500: not large
                5 => 1.00m,                                  // exactly 1: not small
                _ => random.Next(100, 50_000) / 100m,
            };
            lines.Add(random.Next(100) switch
            {
                0 => "{\"account\": \"" + account + "\", \"amount\": 12.5",          // invalid JSON
                1 => $"{{\"account\":\"{account}\",\"amount\":{Num(amount)}}}",          // missing ts
                2 => $"{{\"account\":\"{account}\",\"amount\":\"{Num(amount)}\",\"ts\":{ts}}}", // amount as string
                3 => "",
                _ => $"{{\"account\":\"{account}\",\"amount\":{Num(amount)},\"ts\":{ts}}}",
            });
        }
        return lines;
    }

    /// <summary>The alerts (account, smallTs, largeTs, amount) by a plain loop over the well-formed lines.</summary>
    public static IReadOnlyList<string> ExpectedAlerts(IEnumerable<string> lines, out int malformed)
    {
        var previous = new Dictionary<string, (decimal Amount, long Ts)>();
        var alerts = new List<string>();
        malformed = 0;
        foreach (var line in lines)
        {
            if (!TryParse(line, out var account, out var amount, out var ts))
            {
                malformed++;
                continue;
            }
            if (previous.TryGetValue(account, out var last) && last.Amount < 1.00m && amount > 500.00m && ts - last.Ts < 60_000)
                alerts.Add(Alert(account, last.Ts, ts, amount));
            previous[account] = (amount, ts);
        }
        return alerts;
    }

    /// <summary>An alert in the canonical form the tests compare.</summary>
    public static string Alert(string account, long smallTs, long largeTs, decimal amount) =>
        $"{account}|{smallTs}|{largeTs}|{amount.ToString(CultureInfo.InvariantCulture)}";

    private static bool TryParse(string line, out string account, out decimal amount, out long ts)
    {
        account = "";
        amount = 0;
        ts = 0;
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (!root.TryGetProperty("account", out var a) || a.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("amount", out var m) || m.ValueKind != JsonValueKind.Number
                || !root.TryGetProperty("ts", out var t) || !t.TryGetInt64(out ts))
                return false;
            account = a.GetString()!;
            amount = m.GetDecimal();
            return account.Length > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Num(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes <paramref name="lines"/> as a UTF-8 file.</summary>
    public static void Write(string path, IEnumerable<string> lines) =>
        File.WriteAllLines(path, lines, new UTF8Encoding(false));
}
