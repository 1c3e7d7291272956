using System.Collections.Concurrent;

namespace ActorStream.Graph.Runtime;

/// <summary>
/// A mailbox that the test drives (the operator harnesses use it): posted mail waits until <see cref="RunPending"/>
/// runs it on the caller's thread. <see cref="Yield"/> blocks for at most <see cref="YieldTimeout"/>, since a test
/// that never completes what the operator waits for would otherwise hang.
/// </summary>
public sealed class ManualOperatorMailbox : IOperatorMailbox
{
    private readonly ConcurrentQueue<Action> _mails = new();
    private readonly ManualResetEventSlim _arrived = new(false);
    private int _yielding;

    /// <summary>How long <see cref="Yield"/> waits for mail before it fails the operator.</summary>
    public TimeSpan YieldTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many mails wait.</summary>
    public int Pending => _mails.Count;

    /// <summary>True while an operator is blocked in <see cref="Yield"/>, waiting for mail.</summary>
    public bool IsYielding => Volatile.Read(ref _yielding) == 1;

    /// <inheritdoc />
    public void Post(Action mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        _mails.Enqueue(mail);
        _arrived.Set();
    }

    /// <summary>Runs every mail queued now (and mail that those post), in order; returns how many ran.</summary>
    public int RunPending()
    {
        var ran = 0;
        while (_mails.TryDequeue(out var mail))
        {
            mail();
            ran++;
        }
        return ran;
    }

    /// <inheritdoc />
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
            Volatile.Write(ref _yielding, 1);
            try
            {
                if (!_arrived.Wait(YieldTimeout))
                    throw new TimeoutException(
                        $"The operator waited {YieldTimeout.TotalSeconds:0.#} s for mail that never came: complete what it waits for from another thread (or before the call).");
            }
            finally
            {
                Volatile.Write(ref _yielding, 0);
            }
        }
    }
}
