using ActorStream.Bench.Nexmark.Model;

namespace ActorStream.Bench.Nexmark.Generator;

/// <summary>Generates bids, as the reference's BidGenerator (without extended-bid mode).</summary>
internal static class BidGenerator
{
    /// <summary>Hot auctions are the first of each block of this many.</summary>
    private const int HotAuctionRatio = 100;

    /// <summary>Hot bidders are the second person of each block of this many.</summary>
    private const int HotBidderRatio = 100;

    /// <summary>One bid in this many comes from a numbered channel, the rest from a hot one.</summary>
    private const int HotChannelsRatio = 2;

    /// <summary>The bid of event <paramref name="eventId"/>.</summary>
    public static Bid NextBid(long eventId, ref JavaRandom random, long timestamp, GeneratorConfig config)
    {
        long auction;
        if (random.NextInt(config.HotAuctionRatio) > 0)
            auction = AuctionGenerator.LastBase0AuctionId(config, eventId) / HotAuctionRatio * HotAuctionRatio;
        else
            auction = AuctionGenerator.NextBase0AuctionId(eventId, ref random, config);
        auction += GeneratorConfig.FirstAuctionId;

        long bidder;
        if (random.NextInt(config.HotBiddersRatio) > 0)
            bidder = PersonGenerator.LastBase0PersonId(config, eventId) / HotBidderRatio * HotBidderRatio + 1; // + 1: not the hot seller
        else
            bidder = PersonGenerator.NextBase0PersonId(eventId, ref random, config);
        // The reference adds FIRST_PERSON_ID a second time after choosing the channel, which moves bidders out of the
        // person id space; adding it once keeps bids joinable to persons, as in Beam's original.
        bidder += GeneratorConfig.FirstPersonId;

        var price = PriceGenerator.NextPrice(ref random);

        string channel;
        string url;
        if (random.NextInt(HotChannelsRatio) > 0)
        {
            var hot = random.NextInt(ChannelUrls.HotChannels.Length);
            channel = ChannelUrls.HotChannels[hot];
            url = ChannelUrls.HotUrls[hot];
        }
        else
        {
            var number = random.NextInt(ChannelUrls.ChannelCount);
            channel = ChannelUrls.ChannelNames[number];
            url = ChannelUrls.Urls[number];
        }

        var extra = StringsGenerator.NextExtra(ref random, 8 + 8 + 8 + 8, config.AvgBidByteSize);
        return new Bid(auction, bidder, price, channel, url, timestamp, extra);
    }
}
