using System.Diagnostics;

namespace ActorStream.Actors.Exchange;

/// <summary>
/// Counts the output channels whose messages wait for credit. The channels keep it up to date when their
/// backlog starts and when it drains, so a subtask asks "may I produce?" with one comparison per poll or
/// batch instead of a loop over every channel of every writer.
/// </summary>
internal sealed class OutputBacklog
{
    /// <summary>Channels holding messages back for lack of credit.</summary>
    public int BackloggedChannels { get; private set; }

    /// <summary>True when no channel waits for credit: the subtask may produce more.</summary>
    public bool IsEmpty => BackloggedChannels == 0;

    /// <summary>A channel queued its first message behind a missing credit.</summary>
    public void ChannelBacklogged() => BackloggedChannels++;

    /// <summary>A channel delivered the last message of its backlog.</summary>
    public void ChannelDrained()
    {
        Debug.Assert(BackloggedChannels > 0, "a channel drained a backlog that was never counted");
        BackloggedChannels--;
    }
}
