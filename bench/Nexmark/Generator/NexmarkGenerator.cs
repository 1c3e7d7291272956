using ActorStream.Bench.Nexmark.Model;

namespace ActorStream.Bench.Nexmark.Generator;

/// <summary>
/// The Nexmark event generator of nexmark/nexmark (nexmark-flink, derived from Beam's), as a pure function: event i
/// is a person, an auction or a bid by i modulo <see cref="GeneratorConfig.TotalProportion"/>, has the timestamp
/// <see cref="GeneratorConfig.TimestampForEvent"/>(i), and draws all its fields from a java.util.Random seeded from i.
/// So any subtask can generate any range of events, and every engine and parallelism sees the same stream.
/// Thread-safe: it holds no mutable state.
/// </summary>
public sealed class NexmarkGenerator
{
    private readonly long _seedMask;

    /// <summary>A generator for <paramref name="config"/> (default: the reference's defaults and seed 0).</summary>
    public NexmarkGenerator(GeneratorConfig? config = null)
    {
        Config = config ?? new GeneratorConfig();
        Config.Validate();
        _seedMask = Scramble(Config.Seed);
    }

    /// <summary>What the generator synthesises.</summary>
    public GeneratorConfig Config { get; }

    /// <summary>The kind of event number <paramref name="index"/>, without generating it.</summary>
    public EventType TypeOf(long index)
    {
        var rem = index % Config.TotalProportion;
        if (rem < Config.PersonProportion)
            return EventType.Person;
        return rem < Config.PersonProportion + Config.AuctionProportion ? EventType.Auction : EventType.Bid;
    }

    /// <summary>Event number <paramref name="index"/> (from 0) of the stream.</summary>
    public Event Generate(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        // One timeline, so the event id, the event number and the index coincide (the reference's firstEventId and
        // firstEventNumber are 0, and an out-of-order group size of 1 leaves numbers unadjusted).
        var random = new JavaRandom(index ^ _seedMask);
        var timestamp = Config.TimestampForEvent(index);
        return TypeOf(index) switch
        {
            EventType.Person => new Event(PersonGenerator.NextPerson(index, ref random, timestamp, Config)),
            EventType.Auction => new Event(AuctionGenerator.NextAuction(index, index, ref random, timestamp, Config)),
            _ => new Event(BidGenerator.NextBid(index, ref random, timestamp, Config)),
        };
    }

    /// <summary>
    /// The SplitMix64 finalizer: spreads a seed over all bits so that nearby seeds give unrelated streams. It maps 0 to
    /// 0, which keeps seed 0 identical to Beam's per-event <c>new Random(eventId)</c>.
    /// </summary>
    private static long Scramble(long seed)
    {
        var z = unchecked((ulong)seed);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EB);
        return unchecked((long)(z ^ (z >> 31)));
    }
}
