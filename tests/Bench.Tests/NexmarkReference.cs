using ActorStream.Bench.Tests.Support;

namespace ActorStream.Bench.Tests;

/// <summary>
/// Each query's SQL evaluated directly over the dumped events, as canonical rows (columns joined by '|'). Written
/// from the SQL over the whole input at once, without windows operators or watermarks: the test checks separately
/// that no event is late, so the final results do not depend on event-time progress.
/// </summary>
internal static class NexmarkReference
{
    /// <summary>The output columns of each query, in the order the rows hold them.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>
    {
        ["q0"] = ["auction", "bidder", "price", "dateTime", "extra"],
        ["q1"] = ["auction", "bidder", "price", "dateTime", "extra"],
        ["q2"] = ["auction", "price"],
        ["q3"] = ["name", "city", "state", "id"],
        ["q4"] = ["id", "final"],
        ["q5"] = ["auction", "num"],
        ["q7"] = ["auction", "price", "bidder", "dateTime", "extra"],
        ["q8"] = ["id", "name", "stime"],
        ["q11"] = ["bidder", "bid_count", "starttime", "endtime"],
    };

    public static List<string> Rows(string query, DumpedEvents events) => query switch
    {
        "q0" => events.Bids.Select(b => $"{b.Auction}|{b.Bidder}|{b.Price}|{b.DateTime}|{b.Extra}").ToList(),
        // 0.908 * price as DECIMAL(23, 3): price * 908 thousandths, exact, printed with three places.
        "q1" => events.Bids.Select(b => $"{b.Auction}|{b.Bidder}|{b.Price * 908 / 1000}.{b.Price * 908 % 1000:D3}|{b.DateTime}|{b.Extra}").ToList(),
        "q2" => events.Bids.Where(b => b.Auction % 123 == 0).Select(b => $"{b.Auction}|{b.Price}").ToList(),
        "q3" => Q3(events),
        "q4" => Q4(events),
        "q5" => Q5(events),
        "q7" => Q7(events),
        "q8" => Q8(events),
        "q11" => Q11(events),
        _ => throw new ArgumentException($"No reference for {query}.", nameof(query)),
    };

    /// <summary>
    /// HOP(bid, 2 s, 10 s): every window [start, start + 10 s) with start a multiple of 2 s that holds the bid;
    /// count per auction and window, then keep the auctions whose count reaches the window's maximum.
    /// </summary>
    private static List<string> Q5(DumpedEvents events)
    {
        const long size = 10_000, slide = 2_000;
        var counts = events.Bids
            .SelectMany(b => Enumerable.Range(0, (int)(size / slide)).Select(k => (Start: b.DateTime - b.DateTime % slide - k * slide, b.Auction)))
            .GroupBy(w => w)
            .Select(g => (g.Key.Start, g.Key.Auction, Num: g.LongCount()))
            .ToList();
        var max = counts.GroupBy(c => c.Start).ToDictionary(g => g.Key, g => g.Max(c => c.Num));
        return counts.Where(c => c.Num >= max[c.Start]).Select(c => $"{c.Auction}|{c.Num}").ToList();
    }

    /// <summary>
    /// Persons grouped by (id, name, TUMBLE 10 s window) joined with auctions grouped by (seller, window) on id = seller
    /// and the same window.
    /// </summary>
    private static List<string> Q8(DumpedEvents events)
    {
        const long size = 10_000;
        var sellers = events.Auctions.Select(a => (a.Seller, Start: a.DateTime - a.DateTime % size)).ToHashSet();
        return events.Persons
            .Select(p => (p.Id, p.Name, Start: p.DateTime - p.DateTime % size))
            .Distinct()
            .Where(p => sellers.Contains((p.Id, p.Start)))
            .Select(p => $"{p.Id}|{p.Name}|{p.Start}")
            .ToList();
    }

    /// <summary>
    /// SESSION(dateTime, 10 s) per bidder: a bid opens a new session when it comes after the current one's end (its last
    /// bid plus the gap); a bid exactly at the end still joins, as touching session windows merge.
    /// </summary>
    private static List<string> Q11(DumpedEvents events)
    {
        const long gap = 10_000;
        var rows = new List<string>();
        foreach (var bids in events.Bids.GroupBy(b => b.Bidder))
        {
            long start = 0, end = long.MinValue, count = 0;
            foreach (var time in bids.Select(b => b.DateTime).Order())
            {
                if (time > end)
                {
                    if (count > 0)
                        rows.Add($"{bids.Key}|{count}|{start}|{end}");
                    (start, count) = (time, 0);
                }
                end = Math.Max(end, time + gap);
                count++;
            }
            rows.Add($"{bids.Key}|{count}|{start}|{end}");
        }
        return rows;
    }

    /// <summary>
    /// The max price per TUMBLE 10 s window, by window end; every bid whose price equals the max of a window with
    /// <c>dateTime BETWEEN end - 10 s AND end</c>.
    /// </summary>
    private static List<string> Q7(DumpedEvents events)
    {
        const long size = 10_000;
        var maxByEnd = events.Bids.GroupBy(b => b.DateTime - b.DateTime % size + size).ToDictionary(g => g.Key, g => g.Max(b => b.Price));
        return events.Bids
            .SelectMany(b => maxByEnd.Where(w => w.Key - size <= b.DateTime && b.DateTime <= w.Key && w.Value == b.Price).Select(_ => b))
            .Select(b => $"{b.Auction}|{b.Price}|{b.Bidder}|{b.DateTime}|{b.Extra}")
            .ToList();
    }

    /// <summary>Auctions of category 10 inner-joined with persons in OR, ID or CA on seller = id, over the whole input.</summary>
    private static List<string> Q3(DumpedEvents events)
    {
        string[] states = ["OR", "ID", "CA"];
        return events.Auctions.Where(a => a.Category == 10)
            .Join(events.Persons.Where(p => states.Contains(p.State)), a => a.Seller, p => p.Id, (a, p) => $"{p.Name}|{p.City}|{p.State}|{a.Id}")
            .ToList();
    }

    /// <summary>
    /// MAX(price) per auction over its bids with dateTime BETWEEN its opening and expiry, then per category AVG of those
    /// as BIGINT: the sum divided by the count, truncated. One row per category, its final value.
    /// </summary>
    private static List<string> Q4(DumpedEvents events) =>
        events.Auctions
            .Join(events.Bids, a => a.Id, b => b.Auction, (a, b) => (Auction: a, Bid: b))
            .Where(x => x.Auction.DateTime <= x.Bid.DateTime && x.Bid.DateTime <= x.Auction.Expires)
            .GroupBy(x => (x.Auction.Id, x.Auction.Category))
            .Select(g => (g.Key.Category, Final: g.Max(x => x.Bid.Price)))
            .GroupBy(q => q.Category)
            .Select(g => $"{g.Key}|{g.Sum(q => q.Final) / g.LongCount()}")
            .ToList();
}
