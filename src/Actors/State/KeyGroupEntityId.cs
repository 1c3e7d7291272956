using System.Globalization;

namespace ActorStream.Actors.State;

/// <summary>
/// Names the entity that holds one key group of one operator of one job name. The job name, not the
/// job id, so that a later run of the same job finds its state (and `--from-savepoint latest` works
/// after the process was killed).
/// </summary>
public static class KeyGroupEntityId
{
    /// <summary>The sharding entity id (also the persistence id).</summary>
    public static string For(string jobName, string operatorUid, int keyGroup) =>
        string.Create(CultureInfo.InvariantCulture, $"kg/{jobName}/{operatorUid}/{keyGroup}");
}
