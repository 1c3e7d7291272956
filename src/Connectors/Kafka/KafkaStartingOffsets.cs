namespace ActorStream.Connectors.Kafka;

/// <summary>Where a partition's reading starts when the checkpoint has no position for it (Flink's OffsetsInitializer).</summary>
public abstract record KafkaStartingOffsets
{
    private KafkaStartingOffsets() { }

    /// <summary>The earliest offset still retained.</summary>
    public static KafkaStartingOffsets Earliest { get; } = new EarliestOffsets();

    /// <summary>The end of the partition when the reader starts: only records produced afterwards.</summary>
    public static KafkaStartingOffsets Latest { get; } = new LatestOffsets();

    /// <summary>The consumer group's committed offset, or <paramref name="fallback"/> (earliest or latest) where it has none.</summary>
    public static KafkaStartingOffsets Committed(KafkaStartingOffsets? fallback = null)
    {
        fallback ??= Earliest;
        if (fallback is not (EarliestOffsets or LatestOffsets))
            throw new ArgumentException("The fallback of committed offsets is earliest or latest.", nameof(fallback));
        return new CommittedOffsets(fallback);
    }

    /// <summary>The first record whose timestamp is at or after <paramref name="epochMilliseconds"/> (the end when none is).</summary>
    public static KafkaStartingOffsets Timestamp(long epochMilliseconds) => new TimestampOffsets(epochMilliseconds);

    /// <summary>Parses earliest, latest, committed (falling back to earliest), committed-latest or timestamp:MS.</summary>
    public static KafkaStartingOffsets Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "earliest" => Earliest,
        "latest" => Latest,
        "committed" => Committed(),
        "committed-latest" => Committed(Latest),
        var t when t.StartsWith("timestamp:", StringComparison.Ordinal) && long.TryParse(t["timestamp:".Length..], out var ms) => Timestamp(ms),
        _ => throw new FormatException(
            $"'{text}' is not a starting offset: use earliest, latest, committed, committed-latest or timestamp:EPOCH_MS."),
    };

    internal sealed record EarliestOffsets : KafkaStartingOffsets
    {
        public override string ToString() => "earliest";
    }

    internal sealed record LatestOffsets : KafkaStartingOffsets
    {
        public override string ToString() => "latest";
    }

    internal sealed record CommittedOffsets(KafkaStartingOffsets Fallback) : KafkaStartingOffsets
    {
        public override string ToString() => $"committed (else {Fallback})";
    }

    internal sealed record TimestampOffsets(long EpochMilliseconds) : KafkaStartingOffsets
    {
        public override string ToString() => $"timestamp:{EpochMilliseconds}";
    }
}
