using System.Collections.Concurrent;

namespace ActorStream.Host.Rest;

/// <summary>
/// Savepoints asked for over REST run in the background, as in Flink: the trigger answers a request id
/// at once and <c>GET /jobs/:jobid/savepoints/:triggerid</c> reports IN_PROGRESS, then the location or the failure.
/// </summary>
internal sealed class SavepointTriggers
{
    private readonly ConcurrentDictionary<string, (string JobId, Task<string> Savepoint)> _triggers = new();

    public string Start(string jobId, Task<string> savepoint)
    {
        var id = Guid.NewGuid().ToString("N");
        _triggers[id] = (jobId, savepoint);
        return id;
    }

    /// <summary>Flink's asynchronous-operation result, or null when the trigger is unknown for the job.</summary>
    public Dictionary<string, object?>? Status(string jobId, string triggerId)
    {
        if (!_triggers.TryGetValue(triggerId, out var trigger) || trigger.JobId != jobId)
            return null;
        var task = trigger.Savepoint;
        if (!task.IsCompleted)
            return new() { ["status"] = new Dictionary<string, object?> { ["id"] = "IN_PROGRESS" }, ["operation"] = null };
        return new()
        {
            ["status"] = new Dictionary<string, object?> { ["id"] = "COMPLETED" },
            ["operation"] = task.IsCompletedSuccessfully
                ? new Dictionary<string, object?> { ["location"] = task.Result }
                : new Dictionary<string, object?>
                {
                    ["failure-cause"] = new Dictionary<string, object?>
                    {
                        ["class"] = task.Exception!.InnerException!.GetType().Name,
                        ["stack-trace"] = task.Exception.InnerException.Message,
                    },
                },
        };
    }
}
