using ActorStream.Graph.Runtime;

namespace ActorStream.Actors.Subtasks;

/// <summary>
/// Calls an operator and attributes its exceptions to it, so a failure names the operator that threw
/// rather than the head of the chain: the head of a chain (one try frame per batch) and the readers of
/// side outputs. Main outputs inside a chain are guarded by <see cref="ChainOutput{T}"/> itself.
/// </summary>
internal sealed class GuardedInput<T>(IInput<T> inner, string operatorName) : IInput<T>
{
    public void ProcessElement(in StreamRecord<T> record)
    {
        try
        {
            inner.ProcessElement(in record);
        }
        catch (Exception ex) when (ex is not OperatorException)
        {
            throw new OperatorException(operatorName, ex);
        }
    }

    public void ProcessBatch(ReadOnlySpan<StreamRecord<T>> batch)
    {
        try
        {
            inner.ProcessBatch(batch);
        }
        catch (Exception ex) when (ex is not OperatorException)
        {
            throw new OperatorException(operatorName, ex);
        }
    }

    public void ProcessBatch(ReadOnlySpan<StreamRecord<T>> batch, BatchKeyGroups keyGroups)
    {
        try
        {
            inner.ProcessBatch(batch, keyGroups);
        }
        catch (Exception ex) when (ex is not OperatorException)
        {
            throw new OperatorException(operatorName, ex);
        }
    }

    public void ProcessWatermarkStatus(bool idle)
    {
        try
        {
            inner.ProcessWatermarkStatus(idle);
        }
        catch (Exception ex) when (ex is not OperatorException)
        {
            throw new OperatorException(operatorName, ex);
        }
    }

    public void ProcessWatermark(long watermark)
    {
        try
        {
            inner.ProcessWatermark(watermark);
        }
        catch (Exception ex) when (ex is not OperatorException)
        {
            throw new OperatorException(operatorName, ex);
        }
    }
}
