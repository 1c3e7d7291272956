using Akka.Actor;

namespace ActorStream.Actors.Interop;

/// <summary>
/// The actor the application sends records to. It numbers each batch, keeps it with its sender until the job's reader
/// commits it (then acknowledges the sender), hands the reader what it pulls, and hands a reader that attaches after a
/// restart every batch not yet committed again. It holds at most <c>capacity</c> unacknowledged records: beyond, a
/// sender is told it is busy, so memory stays bounded whatever the senders do.
/// </summary>
internal sealed class ActorSourceFront<T> : ReceiveActor
{
    private readonly Guid _epoch = Guid.NewGuid();
    private readonly int _capacity;
    private readonly SortedDictionary<long, (IReadOnlyList<T> Records, IActorRef Sender)> _unacknowledged = [];
    private readonly Queue<long> _toDeliver = new();
    private (IActorRef Reader, int Max)? _waiting;
    private long _nextSeq = 1;
    private int _generation;
    private int _held;

    public ActorSourceFront(int capacity)
    {
        _capacity = capacity;
        Receive<ActorSourceBatch<T>>(OnBatch);
        Receive<AttachReader>(OnAttach);
        Receive<PullRecords>(pull =>
        {
            if (pull.Generation != _generation)
                return; // the reader of an attempt that a restart replaced: it must not take batches from the new one
            _waiting = (Sender, pull.MaxRecords);
            Deliver();
        });
        Receive<CommitBatches>(commit => Acknowledge(commit.Epoch, commit.Seq));
    }

    public static Props Props(int capacity) => Akka.Actor.Props.Create(() => new ActorSourceFront<T>(capacity));

    private void OnBatch(ActorSourceBatch<T> batch)
    {
        if (batch.Records.Count == 0)
        {
            Sender.Tell(ActorSourceAck.Instance);
            return;
        }
        if (_held + batch.Records.Count > _capacity && _held > 0)
        {
            Sender.Tell(new ActorSourceBusy(_capacity));
            return;
        }
        var seq = _nextSeq++;
        _unacknowledged[seq] = (batch.Records, Sender);
        _held += batch.Records.Count;
        _toDeliver.Enqueue(seq);
        Deliver();
    }

    /// <summary>A reader (re)started: what its checkpoint covered is acknowledged, everything after is delivered again.</summary>
    private void OnAttach(AttachReader attach)
    {
        Acknowledge(attach.Epoch, attach.Committed);
        _toDeliver.Clear();
        foreach (var seq in _unacknowledged.Keys)
            _toDeliver.Enqueue(seq);
        _waiting = null;
        Sender.Tell(new ReaderAttached(_epoch, ++_generation));
    }

    private void Deliver()
    {
        if (_waiting is not { } waiting || _toDeliver.Count == 0)
            return;
        var batches = new List<(long, IReadOnlyList<T>)>();
        var records = 0;
        while (_toDeliver.TryPeek(out var seq) && (records == 0 || records + _unacknowledged[seq].Records.Count <= waiting.Max))
        {
            _toDeliver.Dequeue();
            batches.Add((seq, _unacknowledged[seq].Records));
            records += _unacknowledged[seq].Records.Count;
        }
        _waiting = null;
        waiting.Reader.Tell(new PulledBatches<T>(_epoch, batches));
    }

    private void Acknowledge(Guid epoch, long upTo)
    {
        if (epoch != _epoch)
            return; // a checkpoint of an earlier front (the application restarted): its batches died with it, unacknowledged
        while (_unacknowledged.Count > 0 && _unacknowledged.First() is { Key: var seq, Value: var held } && seq <= upTo)
        {
            _unacknowledged.Remove(seq);
            _held -= held.Records.Count;
            held.Sender.Tell(ActorSourceAck.Instance);
        }
    }
}
