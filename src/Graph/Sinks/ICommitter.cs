namespace ActorStream.Graph;

/// <summary>Makes prepared transactions of a two-phase-commit sink visible.</summary>
public interface ICommitter<TCommittable> : IDisposable
{
    /// <summary>
    /// Commits <paramref name="committables"/>. Must be idempotent: after a restore a committable is
    /// committed again, whether or not the previous run got to it; after a rescale it may come from
    /// another subtask's writer. Throwing fails the subtask, and the restore retries the commit.
    /// </summary>
    void Commit(IReadOnlyList<TCommittable> committables);
}
