using ActorStream.Graph.Runtime;

namespace ActorStream.Actors.Subtasks;

/// <summary>
/// Calls a chained operator and attributes its exceptions to it, so a failure names the operator
/// that threw rather than the head of the chain. A try block costs nothing until something throws.
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
