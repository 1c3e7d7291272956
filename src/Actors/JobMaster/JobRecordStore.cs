using Akka.Actor;
using Akka.Persistence;

namespace ActorStream.Actors.JobMaster;

/// <summary>
/// The durable record of one job in the shared state store: its spec, its latest attempt, where its
/// checkpoints begin and how it ended. A job master that takes over on another node (the entity is
/// remembered by sharding) recovers it and resumes the job from its latest checkpoint.
/// </summary>
internal sealed class JobRecordStore : Persistence.StateStorePersistentActor
{
    private JobRecordSubmitted? _submitted;
    private int _attempt;
    private long? _firstCheckpointId;
    private JobRecordEnded? _ended;

    public JobRecordStore(string jobId)
    {
        PersistenceId = $"jobs/{jobId}";
        Recover<IJobRecordEvent>(Apply);
        Command<LoadJobRecord>(_ => Sender.Tell(new JobRecordLoaded(_submitted, _attempt, _firstCheckpointId, _ended)));
        Command<RecordJob>(record =>
        {
            var replyTo = Sender;
            Persist(record.Event, recorded =>
            {
                Apply(recorded);
                replyTo.Tell(new JobRecorded(recorded));
            });
        });
    }

    public override string PersistenceId { get; }

    public static Props Props(string jobId) => Akka.Actor.Props.Create(() => new JobRecordStore(jobId));

    private void Apply(IJobRecordEvent recorded)
    {
        switch (recorded)
        {
            case JobRecordSubmitted submitted:
                _submitted = submitted;
                break;
            case JobRecordAttempt attempt:
                _attempt = Math.Max(_attempt, attempt.Attempt);
                break;
            case JobRecordCheckpointsBegin begin:
                _firstCheckpointId ??= begin.FirstCheckpointId;
                break;
            case JobRecordEnded ended:
                _ended = ended;
                break;
        }
    }
}
