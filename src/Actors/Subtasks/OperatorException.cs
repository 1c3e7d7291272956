namespace ActorStream.Actors.Subtasks;

/// <summary>Wraps an exception thrown by user code with the name of the operator it came from.</summary>
internal sealed class OperatorException(string operatorName, Exception cause)
    : Exception($"Operator '{operatorName}' threw {cause.GetType().Name}: {cause.Message}", cause)
{
    /// <summary>The operator that threw.</summary>
    public string OperatorName { get; } = operatorName;

    /// <summary>Runs <paramref name="action"/>, attributing any exception to <paramref name="operatorName"/>.</summary>
    public static void Guard(string operatorName, Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (ex is not OperatorException)
        {
            throw new OperatorException(operatorName, ex);
        }
    }

    /// <summary>Runs <paramref name="func"/>, attributing any exception to <paramref name="operatorName"/>.</summary>
    public static T Guard<T>(string operatorName, Func<T> func)
    {
        try
        {
            return func();
        }
        catch (Exception ex) when (ex is not OperatorException)
        {
            throw new OperatorException(operatorName, ex);
        }
    }
}
