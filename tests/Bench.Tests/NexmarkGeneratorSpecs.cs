using System.Security.Cryptography;
using ActorStream.Bench.Nexmark.Generator;
using ActorStream.Bench.Nexmark.Json;
using ActorStream.Bench.Nexmark.Model;
using ActorStream.Bench.Tests.Support;
using ActorStream.Connectors.Generator;
using ActorStream.Graph;

namespace ActorStream.Bench.Tests;

public sealed class NexmarkGeneratorSpecs
{
    private static readonly NexmarkGenerator Default = new();

    [Fact]
    public void The_same_seed_should_give_identical_events()
    {
        var first = new NexmarkGenerator(new GeneratorConfig { Seed = 7 });
        var second = new NexmarkGenerator(new GeneratorConfig { Seed = 7 });

        for (long i = 0; i < 5_000; i++)
            Assert.Equal(first.Generate(i), second.Generate(i));
    }

    [Fact]
    public void Another_seed_should_give_other_events_with_the_same_structure()
    {
        var other = new NexmarkGenerator(new GeneratorConfig { Seed = 7 });

        var differing = 0;
        for (long i = 0; i < 1_000; i++)
        {
            var (a, b) = (Default.Generate(i), other.Generate(i));
            Assert.Equal(a.Type, b.Type);
            Assert.Equal(a.DateTime, b.DateTime);
            if (a != b)
                differing++;
        }
        Assert.Equal(1_000, differing);
    }

    [Fact]
    public void Events_should_not_depend_on_the_order_they_are_generated_in()
    {
        var forward = Enumerable.Range(0, 2_000).Select(i => Default.Generate(i)).ToList();
        var backward = Enumerable.Range(0, 2_000).Reverse().Select(i => Default.Generate(i)).Reverse().ToList();

        Assert.Equal(forward, backward);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Concatenating_the_shares_of_all_source_subtasks_should_give_the_single_sequence(int parallelism)
    {
        const long count = 10_001;
        var source = new GeneratorSource<Event>(count, Default.Generate);

        var concatenated = Enumerable.Range(0, parallelism).SelectMany(subtask => ReadAll(source, subtask, parallelism)).ToList();

        Assert.Equal(Enumerable.Range(0, (int)count).Select(i => Default.Generate(i)), concatenated);
    }

    [Fact]
    public void Every_block_of_50_events_should_hold_1_person_then_3_auctions_then_46_bids()
    {
        for (long block = 0; block < 200; block++)
        {
            var types = Enumerable.Range(0, 50).Select(offset => Default.Generate(block * 50 + offset).Type).ToList();

            Assert.Equal([EventType.Person], types.Take(1));
            Assert.Equal(Enumerable.Repeat(EventType.Auction, 3), types.Skip(1).Take(3));
            Assert.Equal(Enumerable.Repeat(EventType.Bid, 46), types.Skip(4));
        }
    }

    [Fact]
    public void Persons_and_auctions_should_take_consecutive_ids_from_1000()
    {
        var events = Enumerable.Range(0, 50_000).Select(i => Default.Generate(i)).ToList();

        Assert.Equal(Enumerable.Range(1000, 1_000).Select(id => (long)id), events.Where(e => e.Person is not null).Select(e => e.Person!.Id));
        Assert.Equal(Enumerable.Range(1000, 3_000).Select(id => (long)id), events.Where(e => e.Auction is not null).Select(e => e.Auction!.Id));
    }

    [Fact]
    public void References_should_stay_within_the_id_spaces()
    {
        var config = Default.Config;
        long lastPerson = GeneratorConfig.FirstPersonId - 1, lastAuction = GeneratorConfig.FirstAuctionId - 1;
        for (long i = 0; i < 50_000; i++)
        {
            var e = Default.Generate(i);
            switch (e.Type)
            {
                case EventType.Person:
                    lastPerson = e.Person!.Id;
                    Assert.Contains(e.Person.State, new[] { "AZ", "CA", "ID", "OR", "WA", "WY" });
                    break;
                case EventType.Auction:
                    lastAuction = e.Auction!.Id;
                    // Random sellers may be up to 10 persons ahead of the newest (the reference's PERSON_ID_LEAD).
                    Assert.InRange(e.Auction.Seller, GeneratorConfig.FirstPersonId, lastPerson + 10);
                    Assert.InRange(e.Auction.Category, GeneratorConfig.FirstCategoryId, GeneratorConfig.FirstCategoryId + 4);
                    Assert.True(e.Auction.Reserve > e.Auction.InitialBid);
                    Assert.True(e.Auction.Expires > e.Auction.DateTime);
                    break;
                default:
                    var bid = e.Bid!;
                    Assert.InRange(bid.Auction, Math.Max(GeneratorConfig.FirstAuctionId, lastAuction - config.NumInFlightAuctions), lastAuction + 10);
                    Assert.InRange(bid.Bidder, GeneratorConfig.FirstPersonId, lastPerson + 10);
                    Assert.InRange(bid.Price, 100, 100_000_000);
                    Assert.NotEmpty(bid.Channel);
                    Assert.StartsWith("https://www.nexmark.com/", bid.Url);
                    break;
            }
        }
    }

    [Fact]
    public void Hot_auctions_bidders_and_channels_should_take_their_configured_shares()
    {
        var bids = Enumerable.Range(0, 100_000).Select(i => Default.Generate(i).Bid).OfType<Bid>().ToList();

        // Hot auction ratio 2: about half the bids go to the hot auction, the first of its block of 100.
        var hotAuction = bids.Count(b => (b.Auction - GeneratorConfig.FirstAuctionId) % 100 == 0) / (double)bids.Count;
        Assert.InRange(hotAuction, 0.48, 0.55);
        // Hot bidder ratio 4: about three quarters come from the hot bidder, the second of its block of 100.
        var hotBidder = bids.Count(b => (b.Bidder - GeneratorConfig.FirstPersonId) % 100 == 1) / (double)bids.Count;
        Assert.InRange(hotBidder, 0.73, 0.78);
        var hotChannel = bids.Count(b => b.Channel is "Google" or "Facebook" or "Baidu" or "Apple") / (double)bids.Count;
        Assert.InRange(hotChannel, 0.48, 0.52);
    }

    [Fact]
    public void Extra_padding_should_bring_each_kind_to_its_average_size()
    {
        var events = Enumerable.Range(0, 50_000).Select(i => Default.Generate(i)).ToList();

        // Bids: 32 bytes of fixed fields plus 54 to 81 characters of padding, averaging the configured 100.
        var bidExtras = events.Select(e => e.Bid).OfType<Bid>().Select(b => b.Extra.Length).ToList();
        Assert.InRange(bidExtras.Min(), 54, 81);
        Assert.InRange(bidExtras.Max(), 54, 81);
        Assert.InRange(32 + bidExtras.Average(), 97, 103);
        Assert.InRange(events.Select(e => e.Auction).OfType<Auction>()
            .Average(a => 48 + a.ItemName.Length + a.Description.Length + a.Extra.Length), 480, 520);
    }

    [Fact]
    public void Timestamps_should_advance_by_the_inter_event_delay_of_the_configured_rate()
    {
        var fast = new NexmarkGenerator(new GeneratorConfig { FirstEventRate = 1_000_000 });

        for (long i = 0; i < 100_000; i += 7)
        {
            // 10,000 events/s: 100 us apart, 10 per millisecond.
            Assert.Equal(GeneratorConfig.DefaultBaseTime + i / 10, Default.Generate(i).DateTime);
            Assert.Equal(GeneratorConfig.DefaultBaseTime + i / 1000, fast.Generate(i).DateTime);
        }
        var times = Enumerable.Range(0, 10_000).Select(i => Default.Generate(i).DateTime).ToList();
        Assert.Equal(times.Order(), times);
    }

    [Fact]
    public void The_first_events_should_be_those_a_java_transcription_of_the_reference_generator_prints()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("events.jsonl");

        EventDump.Write(Default, 10_000, path);

        // SHA-256 of the first 10,000 lines printed by the reference's generator code (PersonGenerator, AuctionGenerator,
        // BidGenerator, StringsGenerator, PriceGenerator) transcribed into one Java file and run on OpenJDK 17 with
        // Beam's per-event new Random(eventId), this repository's channel URL seeding and a single bidder offset.
        Assert.Equal("2b68e5f8a8e8cf46f17b1b20d81a268033c2d6b13c22765b17365319f2192010",
            Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
        var person = Default.Generate(0).Person!;
        Assert.Equal(("Peter Jones", "nhd@xcat.com", "7241 7320 9143 4888", "Portland", "WY"),
            (person.Name, person.EmailAddress, person.CreditCard, person.City, person.State));
    }

    [Fact]
    public void An_invalid_config_should_be_rejected_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => new NexmarkGenerator(new GeneratorConfig { FirstEventRate = 0 }));

        Assert.Contains(nameof(GeneratorConfig.FirstEventRate), error.Message);
    }

    private static List<Event> ReadAll(GeneratorSource<Event> source, int subtask, int parallelism)
    {
        var output = new CollectingOutput();
        using var reader = source.CreateReader(new SourceReaderContext(subtask, parallelism, TimeProvider.System));
        while (reader.PollNext(output) != InputStatus.EndOfInput)
        {
        }
        return output.Events;
    }

    private sealed class CollectingOutput : ISourceOutput<Event>
    {
        public List<Event> Events { get; } = [];

        public void Collect(Event value) => Events.Add(value);

        public void Collect(Event value, long timestamp) => Events.Add(value);
    }
}
