namespace ActorStream.Graph;

/// <summary>
/// What a two-phase-commit writer starts from: the states of all the previous run's writers (any
/// parallelism) and all its pending committables. Each subtask commits its share of those before it
/// opens, so another subtask may still be committing one while this writer starts: a writer must
/// leave them alone. Both are empty on a fresh start.
/// </summary>
public sealed record TwoPhaseCommitRestore<TCommittable>(IReadOnlyList<byte[]> WriterStates, IReadOnlyList<TCommittable> Committables)
{
    /// <summary>A fresh start.</summary>
    public static TwoPhaseCommitRestore<TCommittable> None { get; } = new([], []);
}
