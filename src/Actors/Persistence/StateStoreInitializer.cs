namespace ActorStream.Actors.Persistence;

/// <summary>
/// Prepares a state store's tables the first time this process needs them. Jobs that neither
/// checkpoint nor restore never touch the store, so a plain run leaves no database file behind.
/// </summary>
public static class StateStoreInitializer
{
    private static readonly HashSet<string> Prepared = new(StringComparer.Ordinal);

    /// <summary>Runs <see cref="SqlSchema.EnsureCreated"/> once per store and process.</summary>
    public static void EnsureOnce(StateStoreSettings settings)
    {
        lock (Prepared)
        {
            if (Prepared.Contains(settings.ConnectionString))
                return;
            SqlSchema.EnsureCreated(settings);
            Prepared.Add(settings.ConnectionString);
        }
    }
}
