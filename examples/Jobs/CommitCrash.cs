using System.Diagnostics;
using ActorStream.Graph;
using ActorStream.Graph.Serialization;

namespace ActorStream.Examples;

/// <summary>
/// Test aid <c>--crash-at-commit before:N|after:N</c>: the process kills itself (SIGKILL, nothing cleaned up) just
/// before or just after the Nth commit of a two-phase-commit sink in this process, i.e. after that checkpoint
/// completed but before (or after) its output reached the external system. It shows that the restore neither
/// loses nor repeats that checkpoint's output.
/// </summary>
public sealed record CommitCrash(bool Before, int Commit)
{
    /// <summary>The option.</summary>
    public static readonly JobOption Option = new("crash-at-commit",
        "Test aid: the process kills itself (SIGKILL) just before (before:N) or after (after:N) the Nth commit of the main sink.");

    private static int _commits;

    /// <summary>The crash asked for, or null.</summary>
    public static CommitCrash? Of(JobParameters parameters)
    {
        if (parameters.Get(Option.Name) is not { } text)
            return null;
        var parts = text.Split(':');
        if (parts.Length == 2 && parts[0] is "before" or "after" && int.TryParse(parts[1], out var n) && n >= 1)
            return new CommitCrash(parts[0] == "before", n);
        throw new JobParameterException(Option.Name, $"'{text}' is not before:N or after:N with N at least 1.");
    }

    /// <summary><paramref name="sink"/>, crashing the process at the commit asked for.</summary>
    public ITwoPhaseCommitSink<T, TCommittable> Wrap<T, TCommittable>(ITwoPhaseCommitSink<T, TCommittable> sink) =>
        new CrashingSink<T, TCommittable>(sink, this);

    private void Around(Action commit)
    {
        var n = Interlocked.Increment(ref _commits);
        if (Before && n == Commit)
            Process.GetCurrentProcess().Kill();
        commit();
        if (!Before && n == Commit)
            Process.GetCurrentProcess().Kill();
    }

    private sealed class CrashingSink<T, TCommittable>(ITwoPhaseCommitSink<T, TCommittable> inner, CommitCrash crash)
        : ITwoPhaseCommitSink<T, TCommittable>
    {
        public ITypeSerializer<TCommittable> CommittableSerializer => inner.CommittableSerializer;

        public ISinkWriter<T> CreateWriter(SinkContext context) => inner.CreateWriter(context);

        public ITwoPhaseCommitWriter<T, TCommittable> CreateWriter(SinkContext context, TwoPhaseCommitRestore<TCommittable> restore) =>
            inner.CreateWriter(context, restore);

        public ICommitter<TCommittable> CreateCommitter(SinkContext context) => new Committer<TCommittable>(inner.CreateCommitter(context), crash);

        public int? WriterOf(TCommittable committable) => inner.WriterOf(committable);
    }

    private sealed class Committer<TCommittable>(ICommitter<TCommittable> inner, CommitCrash crash) : ICommitter<TCommittable>
    {
        public void Commit(IReadOnlyList<TCommittable> committables)
        {
            if (committables.Count > 0)
                crash.Around(() => inner.Commit(committables));
        }

        public void Dispose() => inner.Dispose();
    }
}
