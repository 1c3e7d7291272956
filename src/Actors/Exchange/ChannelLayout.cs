using ActorStream.Graph.Plan;

namespace ActorStream.Actors.Exchange;

/// <summary>
/// Numbers the channels between subtasks. Sender and receiver derive the same numbers from the
/// job graph, so messages carry only an int: the receiver's input channel, or the sender's
/// (output edge, channel) pair for credits.
/// </summary>
internal static class ChannelLayout
{
    /// <summary>One input channel of a subtask: who sends on it and which of the sender's outputs it is.</summary>
    public sealed record InputChannel(JobVertex Sender, int SenderIndex, int SenderOutputEdge, int SenderChannel, int InputIndex);

    /// <summary>The input channels of subtask <paramref name="index"/> of <paramref name="vertex"/>, in channel order.</summary>
    public static IReadOnlyList<InputChannel> InputsOf(JobVertex vertex, int index)
    {
        var channels = new List<InputChannel>();
        foreach (var edge in vertex.Inputs)
        {
            var outputEdge = IndexOf(edge.Source.Outputs, edge);
            foreach (var sender in edge.SendersOf(index))
                channels.Add(new InputChannel(edge.Source, sender, outputEdge, edge.SenderChannel(sender, index), edge.StreamEdge.InputIndex));
        }
        return channels;
    }

    /// <summary>The receiver's input channel index for channel <paramref name="channel"/> of <paramref name="edge"/> at sender <paramref name="senderIndex"/>.</summary>
    public static int TargetChannel(JobEdge edge, int senderIndex, int channel)
    {
        var target = edge.TargetSubtask(senderIndex, channel);
        var offset = 0;
        foreach (var input in edge.Target.Inputs)
        {
            if (ReferenceEquals(input, edge))
                return offset + edge.SenderPosition(senderIndex, target);
            offset += input.SendersOf(target).Count();
        }
        throw new InvalidOperationException($"Edge {edge.Source.Name} -> {edge.Target.Name} is not an input of its target.");
    }

    private static int IndexOf(List<JobEdge> edges, JobEdge edge)
    {
        for (var i = 0; i < edges.Count; i++)
        {
            if (ReferenceEquals(edges[i], edge))
                return i;
        }
        throw new InvalidOperationException($"Edge {edge.Source.Name} -> {edge.Target.Name} is not an output of its source.");
    }
}
