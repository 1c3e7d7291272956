namespace ActorStream.Graph.Runtime;

/// <summary>
/// The way back onto a subtask's thread (Flink's MailboxExecutor): work that completes elsewhere (a task on the
/// thread pool) posts an action here, and the subtask runs it between batches, never concurrently with its operators.
/// </summary>
public interface IOperatorMailbox
{
    /// <summary>Queues <paramref name="mail"/> to run on the subtask's thread; thread-safe, callable from any thread.</summary>
    void Post(Action mail);

    /// <summary>
    /// Called on the subtask's thread by an operator that cannot go on until something completes (a full
    /// in-flight queue, the end of input): runs queued mail, or when none is queued blocks the subtask until
    /// mail arrives or a processing-time callback falls due and runs it. Returns after running at least one.
    /// </summary>
    void Yield();
}
