namespace ActorStream.Graph.Windowing;

/// <summary>What a trigger decides for its window: fire (evaluate the window function), purge (drop the contents), both or neither.</summary>
[Flags]
public enum TriggerResult
{
    /// <summary>Do nothing.</summary>
    Continue = 0,

    /// <summary>Evaluate the window function and emit its result; the contents stay.</summary>
    Fire = 1,

    /// <summary>Drop the window's contents without evaluating it; the window and its trigger state stay.</summary>
    Purge = 2,

    /// <summary>Evaluate the window function, then drop the contents.</summary>
    FireAndPurge = Fire | Purge,
}

/// <summary>Queries on <see cref="TriggerResult"/>.</summary>
public static class TriggerResultExtensions
{
    /// <summary>True for <see cref="TriggerResult.Fire"/> and <see cref="TriggerResult.FireAndPurge"/>.</summary>
    public static bool IsFire(this TriggerResult result) => (result & TriggerResult.Fire) != 0;

    /// <summary>True for <see cref="TriggerResult.Purge"/> and <see cref="TriggerResult.FireAndPurge"/>.</summary>
    public static bool IsPurge(this TriggerResult result) => (result & TriggerResult.Purge) != 0;
}
