using ActorStream.Bench.Nexmark.Model;

namespace ActorStream.Bench.Nexmark.Generator;

/// <summary>Generates auctions and picks auction ids, as the reference's AuctionGenerator (without extended-bid mode).</summary>
internal static class AuctionGenerator
{
    /// <summary>Few categories, so that per-category queries find results in small runs.</summary>
    private const int NumCategories = 5;

    /// <summary>How many not-yet-created auction ids a random pick may reach ahead.</summary>
    private const int AuctionIdLead = 10;

    /// <summary>Hot sellers are the first person of each block of this many.</summary>
    private const int HotSellerRatio = 100;

    /// <summary>The auction of event <paramref name="eventId"/>, the <paramref name="eventNumber"/>-th event of the timeline.</summary>
    public static Auction NextAuction(long eventNumber, long eventId, ref JavaRandom random, long timestamp, GeneratorConfig config)
    {
        var id = LastBase0AuctionId(config, eventId) + GeneratorConfig.FirstAuctionId;
        var seller = NextSellerId(config, ref random, eventId) + GeneratorConfig.FirstPersonId;
        var category = GeneratorConfig.FirstCategoryId + random.NextInt(NumCategories);
        var initialBid = PriceGenerator.NextPrice(ref random);
        var expires = timestamp + NextAuctionLengthMs(eventNumber, ref random, timestamp, config);
        var name = StringsGenerator.NextString(ref random, 20);
        var description = StringsGenerator.NextString(ref random, 100);
        var reserve = initialBid + PriceGenerator.NextPrice(ref random);
        var currentSize = 8 + name.Length + description.Length + 8 + 8 + 8 + 8 + 8;
        var extra = StringsGenerator.NextExtra(ref random, currentSize, config.AvgAuctionByteSize);
        return new Auction(id, name, description, initialBid, reserve, timestamp, expires, seller, category, extra);
    }

    /// <summary>The newest auction id (base 0) at event <paramref name="eventId"/>; the event's own when it is an auction.</summary>
    public static long LastBase0AuctionId(GeneratorConfig config, long eventId)
    {
        var epoch = eventId / config.TotalProportion;
        var offset = eventId % config.TotalProportion;
        if (offset < config.PersonProportion)
        {
            // A person: the last auction of the previous epoch.
            epoch--;
            offset = config.AuctionProportion - 1;
        }
        else if (offset >= config.PersonProportion + config.AuctionProportion)
        {
            // A bid: the last auction of this epoch.
            offset = config.AuctionProportion - 1;
        }
        else
        {
            offset -= config.PersonProportion;
        }
        return epoch * config.AuctionProportion + offset;
    }

    /// <summary>
    /// A random auction (base 0) among the last <see cref="GeneratorConfig.NumInFlightAuctions"/>, or a few ahead of the
    /// newest: tracking which auctions are really still open would be state that cannot be split.
    /// </summary>
    public static long NextBase0AuctionId(long eventId, ref JavaRandom random, GeneratorConfig config)
    {
        var maxAuction = LastBase0AuctionId(config, eventId);
        var minAuction = Math.Max(maxAuction - config.NumInFlightAuctions, 0);
        return minAuction + LongGenerator.NextLong(ref random, maxAuction - minAuction + 1 + AuctionIdLead);
    }

    /// <summary>A seller (base 0): mostly the current hot seller, one in <see cref="GeneratorConfig.HotSellersRatio"/> a random person.</summary>
    private static long NextSellerId(GeneratorConfig config, ref JavaRandom random, long eventId)
    {
        if (random.NextInt(config.HotSellersRatio) > 0)
            return PersonGenerator.LastBase0PersonId(config, eventId) / HotSellerRatio * HotSellerRatio;
        return PersonGenerator.NextBase0PersonId(eventId, ref random, config);
    }

    /// <summary>
    /// An auction length averaging the event time until <see cref="GeneratorConfig.NumInFlightAuctions"/> more auctions
    /// exist, so that about that many are open at any time.
    /// </summary>
    private static long NextAuctionLengthMs(long eventNumber, ref JavaRandom random, long timestamp, GeneratorConfig config)
    {
        var numEventsForAuctions = (long)config.NumInFlightAuctions * config.TotalProportion / config.AuctionProportion;
        var futureAuction = config.TimestampForEvent(eventNumber + numEventsForAuctions);
        var horizonMs = futureAuction - timestamp;
        return 1L + LongGenerator.NextLong(ref random, Math.Max(horizonMs * 2, 1L));
    }
}
