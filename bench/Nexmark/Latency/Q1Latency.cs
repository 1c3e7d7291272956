using System.Diagnostics;
using ActorStream.Bench.Nexmark.Generator;
using ActorStream.Bench.Nexmark.Model;
using ActorStream.Bench.Nexmark.Queries;
using ActorStream.Bench.Nexmark.Sinks;
using ActorStream.Connectors.Generator;
using ActorStream.Graph;
using ActorStream.Graph.Sources;

namespace ActorStream.Bench.Nexmark.Latency;

/// <summary>
/// q1 (currency conversion) with per-result latency: each event carries the time its source emitted it
/// (<see cref="Stamped{T}"/>) through the same filter and map as <see cref="Q1CurrencyConversion"/>, and the sink records
/// the time from that moment to the result's arrival. Both forms optionally pace the generator to a fixed rate.
/// </summary>
public static class Q1Latency
{
    /// <summary>The most events the loop emits per grant of its rate limiter, as the generator source's reader does per poll.</summary>
    private const int MaxBurst = 64;

    /// <summary>
    /// Adds q1 over events 0 to <paramref name="events"/> - 1 to <paramref name="env"/>, generated at most at
    /// <paramref name="eventsPerSecond"/> in total (null: as fast as they are read), ending in a sink that counts results
    /// in <see cref="NexmarkQuery.ResultsCounter"/> and records their latency in <paramref name="recorder"/>.
    /// </summary>
    public static void AddTo(StreamExecutionEnvironment env, NexmarkGenerator generator, long events, double? eventsPerSecond,
        LatencyRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        var source = new GeneratorSource<Stamped<Event>>(events, index => Emit(generator.Generate(index)), eventsPerSecond);
        env.FromSource(source, Watermarks(), NexmarkSource.Name).Uid(NexmarkSource.Name)
            .Filter(e => e.Value.Type == EventType.Bid).Name("bids").Uid("bids")
            .Map(e => new Stamped<Q1Result>(Convert(e.Value.Bid!), e.EmittedAt)).Name("q1").Uid("q1")
            .SinkTo(new LatencySink<Q1Result>(recorder, NexmarkQuery.ResultsCounter), "results").Uid("results");
    }

    /// <summary>
    /// q1's loop over events 0 to <paramref name="events"/> - 1 on this thread, paced as the source would be (bursts of up
    /// to 64, sleeping at least <see cref="RecordRateLimiter.MinimumWait"/>), recording each result's latency from its
    /// event's generation to its collection; returns the number of results.
    /// </summary>
    public static long RunLoop(NexmarkGenerator generator, long events, double? eventsPerSecond, LatencyRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(recorder);
        var limiter = eventsPerSecond is { } rate ? new RecordRateLimiter(rate, TimeProvider.System) : null;
        var histogram = new LatencyHistogram();
        using var output = new LoopOutput<Q1Result>(directory: null);
        for (long i = 0; i < events;)
        {
            var burst = limiter?.Acquire(MaxBurst) ?? MaxBurst;
            if (burst == 0)
            {
                var wait = limiter!.TimeUntilNext();
                Thread.Sleep(wait < RecordRateLimiter.MinimumWait ? RecordRateLimiter.MinimumWait : wait);
                continue;
            }
            for (var end = Math.Min(events, i + burst); i < end; i++)
            {
                var e = generator.Generate(i);
                var emittedAt = Stopwatch.GetTimestamp();
                if (e.Bid is not { } bid)
                    continue;
                output.Collect(Convert(bid));
                histogram.Record(Stopwatch.GetTimestamp() - emittedAt);
            }
        }
        recorder.Add(histogram);
        return output.Count;
    }

    /// <summary>The event with the time of its emission: the moment the generator handed it over.</summary>
    private static Stamped<Event> Emit(Event e) => new(e, Stopwatch.GetTimestamp());

    /// <summary><see cref="NexmarkSource.Watermarks"/> for stamped events: event time from the event's dateTime.</summary>
    private static WatermarkStrategy<Stamped<Event>> Watermarks() =>
        WatermarkStrategy<Stamped<Event>>.ForBoundedOutOfOrderness(NexmarkSource.MaxOutOfOrderness)
            .WithTimestampAssigner((e, _) => e.Value.DateTime);

    /// <summary>q1's projection, as <see cref="Q1CurrencyConversion"/> computes it.</summary>
    private static Q1Result Convert(Bid bid) =>
        new(bid.Auction, bid.Bidder, Q1CurrencyConversion.DollarToEuro * bid.Price, bid.DateTime, bid.Extra);
}
