namespace ActorStream.Actors.Node;

/// <summary>The sharding entity ids and type names of ActorStream's entities.</summary>
public static class EntityIds
{
    /// <summary>The shard region of operator subtasks.</summary>
    public const string SubtaskTypeName = "actorstream-subtask";

    /// <summary>The shard region of job masters.</summary>
    public const string JobMasterTypeName = "actorstream-jobmaster";

    /// <summary>The shard region of key-group state entities.</summary>
    public const string KeyGroupTypeName = "actorstream-keygroup";

    /// <summary>The entity id of a subtask: job, vertex, subtask index, attempt and the slot it runs in.</summary>
    public static string Subtask(string jobId, string vertexId, int subtaskIndex, int attempt, int slot) =>
        $"{jobId}.{vertexId}.{subtaskIndex}.{attempt}.{slot}";
}
