using System.Collections.Concurrent;
using ActorStream.Graph.Runtime;

namespace ActorStream.Actors.Subtasks;

/// <summary>
/// A subtask's mailbox for work completed on other threads (Flink's TaskMailbox): mail waits in a concurrent
/// queue, and one wake-up message to the actor at a time (however much mail arrives meanwhile) makes the subtask
/// run it between batches. An operator that must wait (a full async queue, the end of input) yields: the subtask's
/// thread then runs mail and due processing-time callbacks as they come, blocking in between.
/// </summary>
internal sealed class SubtaskMailbox(Action wakeUp, ActorProcessingTimeService processingTime)
{
    private readonly ConcurrentQueue<Action> _mails = new();
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(1);
    // Never disposed: a call completing after the subtask ended may still post (it then finds no one to run it).
    private readonly ManualResetEventSlim _arrived = new(false);
    private int _wakeUpPending;

    /// <summary>The mailbox an operator sees: its mail fails the subtask in its own name.</summary>
    public IOperatorMailbox For(string operatorName) => new OperatorMailbox(this, operatorName);

    /// <summary>Queues mail; from any thread.</summary>
    public void Post(Action mail)
    {
        _mails.Enqueue(mail);
        _arrived.Set();
        // One wake-up in flight is enough: it runs all mail queued by the time it is handled.
        if (Interlocked.Exchange(ref _wakeUpPending, 1) == 0)
            wakeUp();
    }

    /// <summary>Runs the queued mail, on the subtask's thread (the wake-up message arrived).</summary>
    public void RunAll()
    {
        // Cleared before draining: mail posted from here on sends a new wake-up, so none is left behind.
        Volatile.Write(ref _wakeUpPending, 0);
        while (_mails.TryDequeue(out var mail))
            mail();
    }

    /// <summary>Runs one mail, or the due processing-time callbacks; blocks the subtask's thread until there is either.</summary>
    public void Yield()
    {
        while (true)
        {
            _arrived.Reset();
            if (_mails.TryDequeue(out var mail))
            {
                mail();
                return;
            }
            if (processingTime.UntilNextDue() is { } wait && wait <= TimeSpan.Zero)
            {
                if (processingTime.FireDue() > 0)
                    return;
                continue;
            }
            // Mail or the next processing-time callback, whichever comes first (an actor timer cannot fire while we block).
            var until = processingTime.UntilNextDue() ?? LongestWait;
            _arrived.Wait(until < LongestWait ? until : LongestWait);
        }
    }

    private sealed class OperatorMailbox(SubtaskMailbox mailbox, string operatorName) : IOperatorMailbox
    {
        public void Post(Action mail)
        {
            ArgumentNullException.ThrowIfNull(mail);
            mailbox.Post(() => OperatorException.Guard(operatorName, mail));
        }

        public void Yield() => mailbox.Yield();
    }
}
