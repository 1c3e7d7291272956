using ActorStream.Graph;

namespace ActorStream.Connectors.Files;

/// <summary>Commits pending part files by renaming them to their final names; a part already renamed is left as it is.</summary>
internal sealed class FileCommitter(string directory) : ICommitter<FilePartCommittable>
{
    /// <inheritdoc />
    public void Commit(IReadOnlyList<FilePartCommittable> committables)
    {
        foreach (var committable in committables)
            PartFile.CommitPending(Path.Combine(directory, committable.PendingFileName), Path.Combine(directory, committable.FinalFileName));
    }

    /// <inheritdoc />
    public void Dispose() { }
}
