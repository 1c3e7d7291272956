using ActorStream.Actors.Cluster;
using ActorStream.Actors.Checkpointing;
using ActorStream.Actors.Exchange;
using ActorStream.Actors.JobMaster;
using ActorStream.Actors.Serialization;
using ActorStream.Actors.State;
using ActorStream.Actors.Subtasks;
using ActorStream.Graph;
using ActorStream.Graph.Runtime;
using Akka.Actor;

namespace ActorStream.Actors.Tests.Serialization;

/// <summary>
/// At least one instance of every runtime message, every field set to something other than its
/// default so that a field the serializer forgets shows up. A new message needs a sample here (the
/// specs fail until it has one).
/// </summary>
public static class RuntimeMessageSamples
{
    /// <summary>The samples; <paramref name="first"/> and <paramref name="second"/> are actor refs of the test system.</summary>
    public static IEnumerable<object> All(IActorRef first, IActorRef second)
    {
        var barrier = new CheckpointBarrier(7, 1_700_000_000_123, CheckpointKind.Savepoint);
        var counters = new Dictionary<string, long> { ["late-records"] = 3, ["dropped"] = -4, ["ünïcode ✓"] = long.MaxValue };
        var metrics = new SubtaskMetrics("vertex-2", 1, 1_000, 2_000_000_000_000, counters)
        {
            RecordsSent = 3_000_000_000,
            Load = new SubtaskLoad(700, 250, 50),
            InputWatermark = 1_700_000_000_456,
            OutputWatermark = long.MinValue + 1,
            BytesReceived = 5_000_000_000,
            BytesSent = 12_345,
            PendingRecords = 42,
        };

        // exchange
        yield return new DataBatch(3, Batch((1L, 1_700_000_000_000), (2L, 1_700_000_000_005), (-3L, StreamRecord<long>.NoTimestamp)));
        yield return new ChannelWatermark(2, 1_700_000_000_123);
        yield return new ChannelWatermarkStatus(5, true);
        yield return new ChannelBarrier(1, barrier);
        yield return new EndOfPartition(4);
        yield return new Credit(1, 2, 3);

        // subtask commands
        yield return new DeploySubtask("job-1", Spec(), "vertex-2", 1, 3, first, Checkpoint(9));
        yield return new DeploySubtask("job-1", Spec(), "vertex-3", 0, 0, second);
        yield return new ConnectSubtask(new Dictionary<string, IActorRef[]> { ["source"] = [first, second], ["sink"] = [second] });
        yield return StopSource.Instance;
        yield return CancelSubtask.Instance;
        yield return ReleaseSubtask.Instance;
        yield return new TriggerCheckpoint(barrier, SuspendAfter: true);
        yield return new NotifyCheckpointComplete(11);
        yield return new NotifyCheckpointAborted(12);
        yield return FinishSource.Instance;
        yield return new AlignSourceWatermarks("clicks", long.MinValue);

        // job master messages, replies and outcomes
        yield return new SubmitJob("job-1", Spec(), first);
        yield return new JobAccepted("job-1");
        yield return new JobRejected("job-1", "the job needs 6 slots, the cluster has 4 free");
        yield return new UnknownJob("job-1");
        yield return new SubtaskRegistered("vertex-2", 1, 2, second);
        yield return new SubtaskDeployFailed("vertex-2", 1, "job job-1 is not known on this node");
        yield return new SubtaskDeployFailed("vertex-2", 1, "3 key groups could not be read in time", Retriable: true);
        yield return metrics;
        yield return new SubtaskFinished(metrics);
        yield return new SubtaskFailed("vertex-2", 1, "Map -> Filter", Thrown());
        yield return new SubtaskCancelled("vertex-2", 1);
        yield return GetJobProgress.Instance;
        yield return StopJob.Instance;
        yield return CancelJob.Instance;
        yield return new TriggerSavepoint(true);
        yield return new SavepointTaken("job/7");
        yield return new AcknowledgeCheckpoint("vertex-2", 1, 7, new SubtaskCheckpointState(
            new Dictionary<string, byte[]> { ["source"] = [1, 2, 3], ["sink"] = [] }, ["sums", "windows"], 4, 123_456)) { AlignmentMs = 321 };
        yield return new DeclineCheckpoint("vertex-2", 1, 7, "barrier 8 arrived before barrier 7 was aligned");
        yield return new SourceExhausted("vertex-1", 2);
        yield return new ReportSourceWatermark("clicks", "vertex-1", 2, 1_700_000_000_123);
        yield return new JobSucceeded(new JobExecutionResult("job-1", "word-count", TimeSpan.FromTicks(12_345_678), counters)
        {
            CompletedCheckpoints = 3,
            Restarts = 1,
            LatestCheckpoint = "word-count/3",
        });
        yield return new JobEnded(JobStatus.Failed, new JobExecutionException("job-1", "Job 'x' failed in operator 'Map'", "Map", 1, Thrown()));
        yield return new JobEnded(JobStatus.Cancelled, new OperationCanceledException("Job 'x' (job-1) was cancelled."));
        yield return new JobProgress(JobStatus.Running, TimeSpan.FromMilliseconds(1_234), 10, 20, counters)
        {
            CompletedCheckpoints = 2,
            FailedCheckpoints = 1,
            LatestCheckpoint = "word-count/2",
            Restarts = 5,
            Failure = "Job 'x' failed: ✗",
        };
        yield return GetJobDetails.Instance;
        yield return new JobDetails(new JobProgress(JobStatus.Restarting, TimeSpan.FromSeconds(3), 1, 2, counters) { Restarts = 1 },
        [
            new VertexDetails("vertex-1", "Source: numbers -> Map", 2, [], [new SubtaskDetails(0, "10.0.0.1:4053", metrics), new SubtaskDetails(1, "", metrics)]),
            new VertexDetails("vertex-2", "Sink ✓", 1, ["vertex-1", "vertex-0"], [new SubtaskDetails(0, "10.0.0.2:4053", metrics)]),
        ],
        [
            new CheckpointStats(6, IsSavepoint: true, Completed: true, 1_700_000_000_000, 35, 4_096) { AlignmentMs = 12 },
            new CheckpointStats(7, IsSavepoint: false, Completed: false, 1_700_000_000_500, 0, 0, "declined by Map (2/4): ✗"),
        ],
        [
            new JobException(1_700_000_000_700, "System.InvalidOperationException", "boom ✗\n   at Map.Invoke()", "Map", 3, "10.0.0.3:4053"),
            new JobException(1_700_000_000_800, "System.TimeoutException", "Not every subtask was deployed within 60 s."),
        ])
        {
            Restored = new RestoredCheckpoint(6, "job ✓/6", IsSavepoint: true, 1_700_000_000_900),
            Restores = 2,
        };
        yield return new JobDetails(new JobProgress(JobStatus.Running, TimeSpan.Zero, 0, 0, counters), [], [], []);
        yield return Akka.Done.Instance;

        // slot manager and job gateway
        yield return new RequestSlots("job-1", 2, 6);
        yield return new SlotsGranted("job-1", 2, ["10.0.0.1:4053", "10.0.0.2:4053"]);
        yield return new SlotsUnavailable("job-1", 2, 6, 4);
        yield return new HoldSlots("job-1", 2, ["10.0.0.1:4053", "10.0.0.2:4053"]);
        yield return new ReleaseSlots("job-1");
        yield return new GetSlotLocation("job-1", 2, 5);
        yield return new SlotLocation("10.0.0.1:4053");
        yield return GetClusterNodes.Instance;
        yield return new ClusterNodes([new NodeInfo("10.0.0.1:4053", "Up", 4, 1), new NodeInfo("10.0.0.2:4053", "Unreachable", 4, 0)]);
        yield return new SubmitJobSpec(Spec());
        yield return new ToJob("job-1", new TriggerSavepoint(true));
        yield return ListJobs.Instance;
        yield return new JobList([Summary()]);
        yield return Summary();

        // checkpoint store and key-group state
        yield return LoadCheckpoints.Instance;
        yield return new CheckpointsLoaded([Checkpoint(3), Checkpoint(5)], 6);
        yield return new StoreCheckpoint(Checkpoint(5));
        yield return new CheckpointStored(5);
        yield return DiscardCheckpoints.Instance;
        yield return new WriteKeyGroupState(5, [1, 2, 3], true, 4);
        yield return new WriteKeyGroupState(6, [4], false, 5, BasedOn: 5);
        yield return new WriteKeyGroupStatePart(7, true, 6, 5, 10, 4, new ArraySegment<byte>([9, 9, 1, 2, 3, 9], 2, 3));
        yield return WarmUpKeyGroupState.Instance;
        yield return new KeyGroupStateWritten("job/sums/17", 5);
        yield return new KeyGroupStateWriteFailed("job/sums/17", 5, "MySqlException: Connection refused");

        // a part of a message larger than a remote frame
        yield return new MessagePart(Guid.Parse("0b5c63a4-8f1e-4d2a-9a57-3c1f0e6d2b81"), 2, 5, "WKG", [7, 0, 255]);
    }

    /// <summary>A job spec with arguments.</summary>
    public static JobSpec Spec() => new("clicks", new Dictionary<string, string> { ["input"] = "/data/clicks.jsonl", ["parallelism"] = "6" },
        new JobFingerprint("0123456789abcdef", "fedcba9876543210"));

    /// <summary>A job as the directory lists it.</summary>
    public static JobSummary Summary() => new("job-1", "clicks", JobStatus.Restarting, 6, "10.0.0.1:4053", 12, 1, 1_700_000_000_000);

    /// <summary>A completed checkpoint with keyed and non-keyed operators.</summary>
    public static CompletedCheckpoint Checkpoint(long id) => new(id, "word-count", id % 2 == 0 ? CheckpointKind.Checkpoint : CheckpointKind.Savepoint, 1_700_000_000_000 + id,
        new Dictionary<string, OperatorCheckpointState>
        {
            ["source"] = new(2, 128, false, [[1, 2], [3]]),
            ["sums"] = new(3, 256, true, []),
        });

    /// <summary>A thrown exception (so it has a stack trace) with a thrown inner exception.</summary>
    public static Exception Thrown()
    {
        try
        {
            try
            {
                throw new FormatException("not a number: 'x'");
            }
            catch (FormatException inner)
            {
                throw new InvalidOperationException("injected failure at 90000", inner);
            }
        }
        catch (InvalidOperationException error)
        {
            return error;
        }
    }

    /// <summary>A batch of the given records on a pooled array, as a record writer makes it.</summary>
    public static RecordBatch<T> Batch<T>(params (T Value, long Timestamp)[] records)
    {
        var array = RecordBatch<T>.RentArray(Math.Max(records.Length, 1));
        for (var i = 0; i < records.Length; i++)
            array[i] = new StreamRecord<T>(records[i].Value, records[i].Timestamp);
        return new RecordBatch<T>(array, records.Length);
    }
}
