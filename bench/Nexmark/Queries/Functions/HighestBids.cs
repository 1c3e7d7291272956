using ActorStream.Bench.Nexmark.Model;

namespace ActorStream.Bench.Nexmark.Queries.Functions;

/// <summary>
/// What q7 keeps of one TUMBLE window ending at E: the highest price of the bids in [E - 10 s, E) with those bids, and
/// the bids at exactly E, which the window's max does not cover but <c>BETWEEN E - 10 s AND E</c> still matches.
/// </summary>
public sealed class HighestBids
{
    /// <summary>The highest price in the window; <see cref="long.MinValue"/> while it holds no bid.</summary>
    public long MaxPrice { get; private set; } = long.MinValue;

    /// <summary>The window's bids at <see cref="MaxPrice"/>.</summary>
    public List<Bid> Highest { get; } = [];

    /// <summary>The bids at the window's end.</summary>
    public List<Bid> AtEnd { get; } = [];

    /// <summary>Adds a bid of the window.</summary>
    public void AddInWindow(Bid bid)
    {
        if (bid.Price > MaxPrice)
        {
            MaxPrice = bid.Price;
            Highest.Clear();
        }
        if (bid.Price == MaxPrice)
            Highest.Add(bid);
    }

    /// <summary>The bids that join the window's maximum: <c>B.price = B1.maxprice AND B.dateTime BETWEEN E - 10 s AND E</c>.</summary>
    public IEnumerable<Bid> Matches() => Highest.Concat(AtEnd.Where(bid => bid.Price == MaxPrice));
}
