namespace ActorStream.Examples;

/// <summary>
/// Throws <see cref="InjectedFailureException"/> exactly once, at the N-th record counted over all
/// subtasks of the operator that calls <see cref="Count"/> (they share this object in one process).
/// Records counted again after the restart do not fire it again.
/// </summary>
public sealed class FailureInjector(long afterRecords)
{
    private long _count;
    private int _fired;

    /// <summary>Counts one record; throws once when the count reaches the threshold.</summary>
    public void Count()
    {
        if (Interlocked.Increment(ref _count) >= afterRecords && Interlocked.Exchange(ref _fired, 1) == 0)
            throw new InjectedFailureException($"injected failure after {afterRecords} records (--inject-failure-after)");
    }
}

/// <summary>The failure <see cref="FailureInjector"/> throws.</summary>
public sealed class InjectedFailureException(string message) : Exception(message);
