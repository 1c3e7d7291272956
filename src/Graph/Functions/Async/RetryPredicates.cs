namespace ActorStream.Graph;

/// <summary>Common retry conditions for <see cref="AsyncRetryStrategy{TOut}"/> (Flink's RetryPredicates).</summary>
public static class RetryPredicates
{
    /// <summary>Retries every exception.</summary>
    public static bool HasException(Exception exception) => true;

    /// <summary>Retries an attempt that returned no results.</summary>
    public static bool EmptyResult<T>(IReadOnlyList<T> results) => results.Count == 0;

    /// <summary>Retries exceptions of type <typeparamref name="TException"/> (or derived from it).</summary>
    public static Func<Exception, bool> ExceptionOfType<TException>() where TException : Exception => e => e is TException;
}
