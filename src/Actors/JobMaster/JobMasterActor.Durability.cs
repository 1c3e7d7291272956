using ActorStream.Graph;
using Akka.Actor;
using Akka.Event;

namespace ActorStream.Actors.JobMaster;

/// <summary>
/// A durable job master (on a cluster node) keeps a <see cref="JobRecordStore"/> in the shared state
/// store and its entity is remembered by sharding: when its node is lost, sharding starts it on
/// another node, it recovers the record and resumes the job from the run's latest completed
/// checkpoint with a higher attempt number. A job master of the embedded local mode keeps no record.
/// </summary>
public sealed partial class JobMasterActor
{
    private const string RecordName = "record";
    private long? _firstCheckpointId;
    private bool _resumed;

    private bool Durable => _services.DurableJobs;

    /// <summary>Loads the record before anything else is handled; retried while the state store does not answer.</summary>
    private void Recovering()
    {
        Receive<JobRecordLoaded>(loaded =>
        {
            Timers.Cancel("record");
            Become(Created);
            if (loaded.Submitted is { } submitted)
                Resume(submitted, loaded);
            Stash.UnstashAll();
        });
        Receive<RecordLoadTimedOut>(_ =>
        {
            _log.Warning("Job {0}: the state store did not return the job's record in time; asking again", Self.Path.Name);
            LoadRecord();
        });
        ReceiveAny(_ => Stash.Stash());
    }

    private void LoadRecord()
    {
        Record().Tell(LoadJobRecord.Instance);
        Timers.StartSingleTimer("record", RecordLoadTimedOut.Instance, _services.SchedulingTimeout / 4);
    }

    /// <summary>A job this entity ran before it moved here: pick it up where its checkpoints left it.</summary>
    private void Resume(JobRecordSubmitted submitted, JobRecordLoaded loaded)
    {
        _jobId = Self.Path.Name;
        _spec = submitted.Spec;
        _submittedAt = submitted.SubmittedAt;
        _startedAt = _services.TimeProvider.GetTimestamp();
        _accepted = true;
        _attempt = loaded.Attempt + 1;
        _firstCheckpointId = loaded.FirstCheckpointId;
        if (loaded.Ended is { } ended)
        {
            _status = ended.Status;
            _failure = ended.Failure;
            Become(Ended);
            Timers.StartSingleTimer("passivate", Passivating.Instance, TimeSpan.FromSeconds(30));
            return;
        }
        _resumed = true;
        _log.Warning("Job {0} ({1}) resumes on {2}: its job master moved here (attempt {3})", _spec.JobName, _jobId, NodeOf(Self), _attempt);
        try
        {
            _graph = _services.Graphs.Resolve(_jobId, _spec);
        }
        catch (JobDeploymentException e)
        {
            End(new JobEnded(JobStatus.Failed, new JobExecutionException(_jobId,
                $"Job '{_spec.JobName}' ({_jobId}) cannot resume on {NodeOf(Self)}: {e.Message}", null, null, null)));
            return;
        }
        Start();
    }

    /// <summary>The record child, created again if it stopped (a persistence failure stops it).</summary>
    private IActorRef Record()
    {
        var record = Context.Child(RecordName);
        return record.IsNobody() ? Context.Watch(Context.ActorOf(JobRecordStore.Props(Self.Path.Name), RecordName)) : record;
    }

    /// <summary>Persists <paramref name="recorded"/> without waiting (the order of the record's events is kept).</summary>
    private void RecordEvent(IJobRecordEvent recorded)
    {
        if (Durable)
            Record().Tell(new RecordJob(recorded));
    }

    /// <summary>
    /// Starts an attempt once its number is durable, so a job master that takes over never reuses it
    /// (subtask entity ids carry it). Without a record, at once.
    /// </summary>
    private void RecordAttemptThenRequestSlots()
    {
        if (!Durable)
        {
            RequestSlots();
            return;
        }
        Record().Tell(new RecordJob(new JobRecordAttempt(_attempt)));
        Become(RecordingAttempt);
    }

    private void RecordingAttempt()
    {
        Receive<JobRecorded>(recorded =>
        {
            if (recorded.Event is JobRecordAttempt attempt && attempt.Attempt == _attempt)
                RequestSlots();
        });
        Receive<SchedulingTimedOut>(_ => HandleFailure(null, null,
            new TimeoutException($"The state store did not record attempt {_attempt} within {_services.SchedulingTimeout.TotalSeconds:0} s.")));
        Receive<Terminated>(terminated => terminated.ActorRef.Path.Name == RecordName, _ => HandleFailure(null, null,
            new InvalidOperationException($"The state store could not record attempt {_attempt}; retrying with the restart strategy.")));
        ReceiveBeforeRunning();
        ReceiveCheckpointStored();
        ReceiveProgress();
    }

    /// <summary>
    /// The checkpoint to resume from: the run's latest (ids from the first one this run took); null when
    /// the run completed none, so the job starts as it was submitted (fresh, or from its savepoint).
    /// </summary>
    private Checkpointing.CompletedCheckpoint? ResumeCheckpoint(Checkpointing.CheckpointsLoaded loaded) =>
        _resumed && _firstCheckpointId is { } first && loaded.Latest is { } latest && latest.Id >= first ? latest : null;

    /// <summary>Remembers where this run's checkpoint ids begin (once per run).</summary>
    private void RecordCheckpointsBegin(long nextId)
    {
        if (_firstCheckpointId is not null)
            return;
        _firstCheckpointId = nextId;
        RecordEvent(new JobRecordCheckpointsBegin(nextId));
    }

    private sealed record RecordLoadTimedOut
    {
        public static readonly RecordLoadTimedOut Instance = new();
    }
}
