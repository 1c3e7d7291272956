namespace ActorStream.Bench.Nexmark.Generator;

/// <summary>
/// What the Nexmark generator synthesises, with the defaults of nexmark-flink's NexmarkConfiguration. Unlike the
/// reference, all events form one timeline: event i's timestamp and content depend on i alone, never on how many
/// source subtasks share the work (the reference gives each generator its own timeline and id block).
/// </summary>
public sealed record GeneratorConfig
{
    /// <summary>The first person id: ids start high so that small runs still find joins.</summary>
    public const long FirstPersonId = 1000;

    /// <summary>The first auction id.</summary>
    public const long FirstAuctionId = 1000;

    /// <summary>The first category id.</summary>
    public const long FirstCategoryId = 10;

    /// <summary>The default event time of event 0: 2020-01-01T00:00:00Z, fixed so that every run sees the same times.</summary>
    public const long DefaultBaseTime = 1_577_836_800_000;

    /// <summary>Persons per <see cref="TotalProportion"/> events (default 1).</summary>
    public int PersonProportion { get; init; } = 1;

    /// <summary>Auctions per <see cref="TotalProportion"/> events (default 3).</summary>
    public int AuctionProportion { get; init; } = 3;

    /// <summary>Bids per <see cref="TotalProportion"/> events (default 46).</summary>
    public int BidProportion { get; init; } = 46;

    /// <summary>The length of one person-auction-bid cycle of event ids (default 50).</summary>
    public int TotalProportion => PersonProportion + AuctionProportion + BidProportion;

    /// <summary>
    /// The simulated event rate in events per second (the reference's first-event.rate, default 10,000), which spaces
    /// event timestamps 1/rate apart. It is not a throttle: events are generated as fast as they are read.
    /// </summary>
    public int FirstEventRate { get; init; } = 10_000;

    /// <summary>The event time of event 0, in epoch milliseconds.</summary>
    public long BaseTime { get; init; } = DefaultBaseTime;

    /// <summary>
    /// Mixed into every event's random seed; 0 (the default) seeds event i's java.util.Random with i itself, exactly as
    /// the Beam Nexmark generator that nexmark-flink derives from.
    /// </summary>
    public long Seed { get; init; }

    /// <summary>The average size in bytes a person event is padded to with <see cref="Model.Person.Extra"/> (default 200).</summary>
    public int AvgPersonByteSize { get; init; } = 200;

    /// <summary>The average size in bytes an auction event is padded to (default 500).</summary>
    public int AvgAuctionByteSize { get; init; } = 500;

    /// <summary>The average size in bytes a bid event is padded to (default 100).</summary>
    public int AvgBidByteSize { get; init; } = 100;

    /// <summary>One bid in this many goes to a random auction, the rest to the current hot auction (default 2).</summary>
    public int HotAuctionRatio { get; init; } = 2;

    /// <summary>One auction in this many has a random seller, the rest the current hot seller (default 4).</summary>
    public int HotSellersRatio { get; init; } = 4;

    /// <summary>One bid in this many has a random bidder, the rest the current hot bidder (default 4).</summary>
    public int HotBiddersRatio { get; init; } = 4;

    /// <summary>How many recent auctions random bids choose from (default 100).</summary>
    public int NumInFlightAuctions { get; init; } = 100;

    /// <summary>How many recent persons random sellers and bidders choose from (default 1,000).</summary>
    public int NumActivePeople { get; init; } = 1000;

    /// <summary>The event-time gap between consecutive events in microseconds (the reference's interEventDelayUs).</summary>
    public double InterEventDelayUs => 1_000_000.0 / FirstEventRate;

    /// <summary>The event time of event number <paramref name="eventNumber"/>: base time plus the number times the inter-event delay.</summary>
    public long TimestampForEvent(long eventNumber) => BaseTime + (long)(eventNumber * InterEventDelayUs) / 1000L;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (PersonProportion < 1 || AuctionProportion < 1 || BidProportion < 1)
            throw new ArgumentException(
                $"Event proportions must be at least 1 each (got person {PersonProportion}, auction {AuctionProportion}, bid {BidProportion}).");
        Positive(FirstEventRate, nameof(FirstEventRate));
        Positive(HotAuctionRatio, nameof(HotAuctionRatio));
        Positive(HotSellersRatio, nameof(HotSellersRatio));
        Positive(HotBiddersRatio, nameof(HotBiddersRatio));
        Positive(NumInFlightAuctions, nameof(NumInFlightAuctions));
        Positive(NumActivePeople, nameof(NumActivePeople));
        if (AvgPersonByteSize < 0 || AvgAuctionByteSize < 0 || AvgBidByteSize < 0)
            throw new ArgumentException("Average event sizes must not be negative.");
    }

    private static void Positive(int value, string name)
    {
        if (value < 1)
            throw new ArgumentException($"{name} must be at least 1, not {value}.");
    }
}
