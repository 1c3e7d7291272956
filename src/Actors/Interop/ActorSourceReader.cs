using ActorStream.Graph;
using Akka.Actor;

namespace ActorStream.Actors.Interop;

/// <summary>
/// Reads an <see cref="ActorSource{T}"/>: attaches to its front (saying what its restored checkpoint covered), pulls
/// batches in the background while the subtask waits, and commits them back once the checkpoint that includes them
/// completed (or at once without checkpoints). Its state is the front's epoch and the last batch it emitted.
/// </summary>
internal sealed class ActorSourceReader<T> : ISourceReader<T>
{
    private const int PullSize = 1_000;
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PullTimeout = TimeSpan.FromMinutes(1); // an idle front answers no pull: ask again now and then

    private readonly IActorRef _front;
    private readonly SourceReaderContext _context;
    private readonly Queue<(long Seq, IReadOnlyList<T> Records)> _batches = new();
    private readonly SortedDictionary<long, long> _emittedAtCheckpoint = [];
    private Task<PulledBatches<T>>? _pull;
    private Guid _epoch;
    private int _generation;
    private bool _attached;
    private long _emitted; // the last batch emitted whole
    private int _position; // records of the head batch already emitted
    private int _restoredPosition; // records of batch _emitted + 1 the restored checkpoint already holds

    public ActorSourceReader(IActorRef front, SourceReaderContext context)
    {
        _front = front;
        _context = context;
    }

    public InputStatus PollNext(ISourceOutput<T> output)
    {
        Attach();
        if (_batches.Count == 0 && _pull is { IsCompleted: true } pull)
        {
            _pull = null;
            if (pull.IsCompletedSuccessfully)
            {
                foreach (var batch in pull.Result.Batches)
                    _batches.Enqueue(batch);
            }
        }
        if (!_batches.TryPeek(out var head))
        {
            _pull ??= _front.Ask<PulledBatches<T>>(new PullRecords(PullSize, _generation), PullTimeout);
            return InputStatus.NothingAvailable;
        }
        if (_restoredPosition > 0 && head.Seq == _emitted + 1 && _position == 0)
            _position = _restoredPosition; // the checkpoint holds the start of this batch: go on after it
        _restoredPosition = 0;
        output.Collect(head.Records[_position++]);
        if (_position == head.Records.Count)
        {
            _batches.Dequeue();
            _position = 0;
            _emitted = head.Seq;
            if (!_context.CheckpointingEnabled)
                _front.Tell(new CommitBatches(_epoch, _emitted));
        }
        return InputStatus.MoreAvailable;
    }

    public Task WaitForAvailabilityAsync(CancellationToken cancellationToken) =>
        _pull is { } pull ? pull.ContinueWith(_ => { }, cancellationToken, TaskContinuationOptions.None, TaskScheduler.Default) : Task.CompletedTask;

    /// <summary>The front's epoch, the last batch emitted whole and how far into the next one: a restore goes on exactly there.</summary>
    public byte[] SnapshotState(long checkpointId)
    {
        Attach();
        _emittedAtCheckpoint[checkpointId] = _emitted;
        var state = new byte[StateSize];
        _epoch.TryWriteBytes(state);
        BitConverter.TryWriteBytes(state.AsSpan(16), _emitted);
        BitConverter.TryWriteBytes(state.AsSpan(24), _batches.Count > 0 ? _position : _restoredPosition);
        return state;
    }

    private const int StateSize = 28;

    public void NotifyCheckpointComplete(long checkpointId)
    {
        var done = _emittedAtCheckpoint.Keys.TakeWhile(id => id <= checkpointId).ToList();
        if (done.Count == 0)
            return;
        _front.Tell(new CommitBatches(_epoch, _emittedAtCheckpoint[done[^1]]));
        foreach (var id in done)
            _emittedAtCheckpoint.Remove(id);
    }

    public void Dispose() { }

    /// <summary>The first poll: tells the front what the restored checkpoint covered; it sends everything after that again.</summary>
    private void Attach()
    {
        if (_attached)
            return;
        _attached = true;
        var (epoch, committed, position) = _context.RestoredState is [var state, ..] && state.Length == StateSize
            ? (new Guid(state.AsSpan(0, 16)), BitConverter.ToInt64(state, 16), BitConverter.ToInt32(state, 24))
            : (Guid.Empty, 0L, 0);
        var attached = _front.Ask<ReaderAttached>(new AttachReader(epoch, committed), AskTimeout).GetAwaiter().GetResult();
        (_epoch, _generation) = (attached.Epoch, attached.Generation);
        // Batches of an earlier front died with it; within the same front, numbering goes on after the restored position.
        (_emitted, _restoredPosition) = epoch == _epoch ? (committed, position) : (0, 0);
    }
}
