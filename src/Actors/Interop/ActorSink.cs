using ActorStream.Graph;
using Akka.Actor;
using Akka.Cluster.Sharding;

namespace ActorStream.Actors.Interop;

/// <summary>How an <see cref="ActorSink{T}"/> waits for its target's acknowledgements.</summary>
public sealed record ActorSinkOptions
{
    /// <summary>Messages a writer may have sent and not yet seen acknowledged; at the limit it waits (back-pressure).</summary>
    public int MaxInFlight { get; init; } = 256;

    /// <summary>How long a message waits for its acknowledgement before it is sent again.</summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Sends of one message before the sink fails the job (which then restarts from its latest checkpoint).</summary>
    public int MaxAttempts { get; init; } = 5;
}

/// <summary>
/// Delivers records to an actor (or, through a shard region, to entity actors) at least once: each record becomes a
/// message the target must answer (any reply is the acknowledgement); an unanswered message is sent again; a checkpoint
/// completes only once every message before it was acknowledged, so after a failure the records since the latest
/// checkpoint are delivered again. Make the target idempotent (e.g. a sequence number or id per record) to apply each once.
/// </summary>
public sealed class ActorSink<T>(IActorRef target, Func<T, object> message, ActorSinkOptions? options = null) : ISink<T>
{
    private readonly ActorSinkOptions _options = Validate(options ?? new ActorSinkOptions());

    /// <summary>
    /// A sink that sends each record to the entity <paramref name="entityId"/> names, through <paramref name="shardRegion"/>,
    /// in a <see cref="ShardingEnvelope"/>: Akka unwraps it, so the region's extractor sees only the application's message.
    /// </summary>
    public static ActorSink<T> ToShardRegion(IActorRef shardRegion, Func<T, string> entityId, Func<T, object> message, ActorSinkOptions? options = null) =>
        new(shardRegion, record => new ShardingEnvelope(entityId(record), message(record)), options);

    /// <inheritdoc />
    public ISinkWriter<T> CreateWriter(SinkContext context) => new Writer(target, message, _options);

    private static ActorSinkOptions Validate(ActorSinkOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxInFlight, nameof(options.MaxInFlight));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxAttempts, nameof(options.MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.AckTimeout, TimeSpan.Zero, nameof(options.AckTimeout));
        return options;
    }

    /// <summary>Keeps the sent, unacknowledged messages in order; waits on the oldest when the window is full or at a flush.</summary>
    private sealed class Writer(IActorRef target, Func<T, object> message, ActorSinkOptions options) : ISinkWriter<T>
    {
        private readonly Queue<(object Message, Task<object> Ack)> _inFlight = new();

        public void Write(T value, long timestamp)
        {
            while (_inFlight.Count >= options.MaxInFlight)
                AwaitOldest();
            var sent = message(value);
            _inFlight.Enqueue((sent, Send(sent)));
        }

        public void Flush(bool endOfInput)
        {
            while (_inFlight.Count > 0)
                AwaitOldest();
        }

        public void Dispose() => _inFlight.Clear();

        private Task<object> Send(object sent) => target.Ask<object>(sent, options.AckTimeout);

        /// <summary>Waits for the oldest message's acknowledgement, sending it again (up to the attempts allowed) when none comes.</summary>
        private void AwaitOldest()
        {
            var (sent, ack) = _inFlight.Peek();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    ack.GetAwaiter().GetResult();
                    _inFlight.Dequeue();
                    return;
                }
                catch (AskTimeoutException) when (attempt < options.MaxAttempts)
                {
                    ack = Send(sent);
                }
                catch (AskTimeoutException e)
                {
                    throw new TimeoutException($"The actor sink's target {target.Path} acknowledged no message in {options.MaxAttempts} attempts " +
                        $"of {options.AckTimeout.TotalSeconds:0.#} s; reply to each message (any reply counts) or raise AckTimeout.", e);
                }
            }
        }
    }
}
