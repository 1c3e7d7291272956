using ActorStream.Graph;
using Akka.Actor;

namespace ActorStream.Actors.Interop;

/// <summary>
/// A source the application's actors feed: <see cref="Ref"/> (or the typed <see cref="Writer"/>) takes
/// <see cref="ActorSourceBatch{T}"/>s and acknowledges each once the job holds it for good: with checkpoints, after the
/// checkpoint that includes it completed, so after a failure the job resumes with every acknowledged record in its
/// state and reads again the ones it had not yet checkpointed. Input is at least once into the job: a sender whose
/// batch was not acknowledged (the application stopped, a timeout) sends it again. Memory is bounded by the front's
/// capacity. The front lives in the application's actor system; the source runs at parallelism 1, on the member whose
/// program built the job (a graph built in process).
/// </summary>
public sealed class ActorSource<T> : ISource<T>
{
    private ActorSource(IActorRef front) => Ref = front;

    /// <summary>Where records go: send <see cref="ActorSourceBatch{T}"/>, await <see cref="ActorSourceAck"/> (or <see cref="ActorSourceBusy"/>).</summary>
    public IActorRef Ref { get; }

    /// <summary>The source's front actor in <paramref name="system"/>, named <paramref name="name"/>, holding up to <paramref name="capacity"/> unacknowledged records.</summary>
    public static ActorSource<T> Create(ActorSystem system, string name, int capacity = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        return new ActorSource<T>(system.ActorOf(ActorSourceFront<T>.Props(capacity), name));
    }

    /// <summary>A typed sender: awaits the acknowledgement of each batch, and backs off while the front is busy.</summary>
    public ActorSourceWriter<T> Writer() => new(Ref);

    /// <inheritdoc />
    public Boundedness Boundedness => Boundedness.ContinuousUnbounded;

    /// <inheritdoc />
    public int? MaxParallelism => 1;

    /// <inheritdoc />
    public ISourceReader<T> CreateReader(SourceReaderContext context) => new ActorSourceReader<T>(Ref, context);
}

/// <summary>Sends batches to an <see cref="ActorSource{T}"/> and completes when the job acknowledged them.</summary>
public sealed class ActorSourceWriter<T>(IActorRef front)
{
    private static readonly TimeSpan BusyBackoff = TimeSpan.FromMilliseconds(50);

    /// <summary>Sends <paramref name="records"/> and waits until the job holds them for good (with checkpoints: after the next one completes).</summary>
    public async Task SendAsync(IReadOnlyList<T> records, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var answer = await front.Ask<object>(new ActorSourceBatch<T>(records), Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
            if (answer is ActorSourceAck)
                return;
            await Task.Delay(BusyBackoff, cancellationToken).ConfigureAwait(false); // busy: room comes with acknowledgements
        }
    }
}
