using Akka.Actor;

namespace ActorStream.Actors.Exchange;

/// <summary>
/// The receiving end of a subtask's input channels: queues what arrives per channel, hands it out
/// fairly (round-robin over channels, in order within a channel), and returns a credit to the
/// sender for every batch processed. Queues never exceed the credits granted. Each channel feeds
/// one of the head operator's inputs; each input combines its own channels' watermarks. Nothing is handed
/// out before every channel delivered its first message (each sender announces its watermark status first):
/// so a source subtask that starts idle (it owns no split) is known idle before any other channel's records
/// count, and event time does not depend on which subtask started first.
/// </summary>
internal sealed class InputGate
{
    private readonly Queue<IChannelMessage>[] _queues;
    private readonly (IActorRef Sender, Credit Credit)[] _creditTargets;
    private readonly (int Input, int Local)[] _inputOf;
    private readonly bool[] _blocked;
    private readonly bool[] _heard;
    private int _unheard;
    private int _next;
    private int _queued;

    public InputGate(IReadOnlyList<(IActorRef Sender, int SenderOutputEdge, int SenderChannel, int InputIndex)> channels)
    {
        _queues = new Queue<IChannelMessage>[channels.Count];
        _creditTargets = new (IActorRef, Credit)[channels.Count];
        _inputOf = new (int, int)[channels.Count];
        _blocked = new bool[channels.Count];
        _heard = new bool[channels.Count];
        _unheard = channels.Count;
        var perInput = new List<int>();
        for (var i = 0; i < channels.Count; i++)
        {
            _queues[i] = new Queue<IChannelMessage>();
            _creditTargets[i] = (channels[i].Sender, new Credit(channels[i].SenderOutputEdge, channels[i].SenderChannel, 1));
            var input = channels[i].InputIndex;
            while (perInput.Count <= input)
                perInput.Add(0);
            _inputOf[i] = (input, perInput[input]++);
        }
        Valves = perInput.Select(count => new WatermarkValve(count)).ToArray();
    }

    /// <summary>How many input channels the gate has.</summary>
    public int ChannelCount => _queues.Length;

    /// <summary>True when a message waits on a channel that is not blocked.</summary>
    public bool HasQueued
    {
        get
        {
            if (_queued == 0 || _unheard > 0)
                return false;
            for (var i = 0; i < _queues.Length; i++)
            {
                if (!_blocked[i] && _queues[i].Count > 0)
                    return true;
            }
            return false;
        }
    }

    /// <summary>Stops handing out the channel's messages (barrier alignment): they wait until <see cref="UnblockAll"/>.</summary>
    public void Block(int channel) => _blocked[channel] = true;

    /// <summary>Every channel delivers again.</summary>
    public void UnblockAll() => Array.Clear(_blocked);

    /// <summary>The event-time combination of each input's channels, by input index.</summary>
    public IReadOnlyList<WatermarkValve> Valves { get; }

    /// <summary>The input a channel feeds, and the channel's index among that input's channels.</summary>
    public (int Input, int Local) InputOf(int channel) => _inputOf[channel];

    /// <summary>Grants every sender its initial credits.</summary>
    public void GrantInitialCredits(int credits)
    {
        foreach (var (sender, credit) in _creditTargets)
            sender.Tell(credit with { Amount = credits }, ActorRefs.NoSender);
    }

    /// <summary>Queues a message that arrived on its channel.</summary>
    public void Enqueue(IChannelMessage message)
    {
        _queues[message.Channel].Enqueue(message);
        _queued++;
        if (!_heard[message.Channel])
        {
            _heard[message.Channel] = true;
            _unheard--;
        }
    }

    /// <summary>Takes the next message, visiting channels round-robin.</summary>
    public bool TryDequeue(out IChannelMessage message)
    {
        if (_unheard > 0)
        {
            message = null!;
            return false;
        }
        for (var i = 0; i < _queues.Length && _queued > 0; i++)
        {
            var channel = (_next + i) % _queues.Length;
            if (!_blocked[channel] && _queues[channel].TryDequeue(out message!))
            {
                _next = (channel + 1) % _queues.Length;
                _queued--;
                return true;
            }
        }
        message = null!;
        return false;
    }

    /// <summary>The batch from <paramref name="channel"/> was processed: its sender may send another.</summary>
    public void ReturnCredit(int channel)
    {
        var (sender, credit) = _creditTargets[channel];
        sender.Tell(credit, ActorRefs.NoSender);
    }
}
