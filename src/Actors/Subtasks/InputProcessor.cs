using ActorStream.Actors.Exchange;
using ActorStream.Graph.Runtime;

namespace ActorStream.Actors.Subtasks;

/// <summary>Feeds network input into the head operator of a chain.</summary>
internal interface IInputProcessor
{
    /// <summary>Processes a batch and releases it.</summary>
    void Process(IRecordBatch batch);

    /// <summary>Advances the head's event time.</summary>
    void ProcessWatermark(long watermark);

    /// <summary>The input became idle or active.</summary>
    void ProcessWatermarkStatus(bool idle);
}

/// <summary>The typed <see cref="IInputProcessor"/>: hands each batch to the head as a whole, with its key groups when it carries them.</summary>
internal sealed class InputProcessor<T>(IInput<T> head) : IInputProcessor
{
    public void Process(IRecordBatch batch)
    {
        var records = (RecordBatch<T>)batch;
        try
        {
            if (records.KeySelector is { } keySelector)
                head.ProcessBatch(records.Records, new BatchKeyGroups(records.KeyGroups, keySelector));
            else
                head.ProcessBatch(records.Records);
        }
        finally
        {
            records.Release();
        }
    }

    public void ProcessWatermark(long watermark) => head.ProcessWatermark(watermark);

    public void ProcessWatermarkStatus(bool idle) => head.ProcessWatermarkStatus(idle);
}
