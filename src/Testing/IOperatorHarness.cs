using ActorStream.Graph;
using ActorStream.Graph.Operators;

namespace ActorStream.Testing;

/// <summary>What the one- and two-input harnesses share, so that failure scenarios run on both.</summary>
public interface IOperatorHarness
{
    /// <summary>The operator under test.</summary>
    IStreamOperator StreamOperator { get; }

    /// <summary>Everything the operator emitted, in order.</summary>
    IReadOnlyList<OutputEvent> Events { get; }

    /// <summary>The subtask's manual processing-time clock.</summary>
    ManualProcessingTimeService Clock { get; }

    /// <summary>The last watermark fed (to every input), if any.</summary>
    long? LastWatermark { get; }

    /// <summary>Feeds a watermark (to every input).</summary>
    void ProcessWatermark(long watermark);

    /// <summary>Forgets the output recorded so far.</summary>
    void ClearOutput();

    /// <summary>Opens the operator.</summary>
    void OpenOperator();

    /// <summary>Closes the operator.</summary>
    void Close();
}
