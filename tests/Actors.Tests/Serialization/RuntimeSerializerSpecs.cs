using System.Reflection;
using System.Runtime.Serialization;
using ActorStream.Actors.Checkpointing;
using ActorStream.Actors.Exchange;
using ActorStream.Actors.JobMaster;
using ActorStream.Actors.Serialization;
using ActorStream.Actors.State;
using ActorStream.Actors.Subtasks;
using ActorStream.Graph;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using AkkaSerialization = Akka.Serialization.Serialization;

namespace ActorStream.Actors.Tests.Serialization;

public sealed class RuntimeSerializerSpecs : TestKit
{
    /// <summary>The marker interfaces of the runtime protocol: every type implementing one is a message.</summary>
    private static readonly Type[] Markers =
        [typeof(ISubtaskCommand), typeof(IJobMasterMessage), typeof(IChannelMessage), typeof(ICheckpointStoreCommand), typeof(IKeyGroupStateCommand), typeof(IJobOutcome),
        typeof(Actors.Cluster.ISlotManagerMessage), typeof(Actors.Cluster.IJobGatewayRequest)];

    /// <summary>Replies without a marker interface.</summary>
    private static readonly Type[] Replies =
        [typeof(Credit), typeof(SavepointTaken), typeof(CheckpointsLoaded), typeof(CheckpointStored), typeof(KeyGroupStateWritten), typeof(KeyGroupStateWriteFailed), typeof(JobProgress),
        typeof(Actors.Cluster.JobSummary), typeof(Akka.Done), typeof(MessagePart)];

    private readonly ExtendedActorSystem _system;

    public RuntimeSerializerSpecs() : base(RuntimeSerializer.Bindings) => _system = (ExtendedActorSystem)Sys;

    private IActorRef? _second;

    private IEnumerable<object> Samples => RuntimeMessageSamples.All(TestActor, _second ??= CreateTestProbe().Ref);

    private static IEnumerable<Type> RuntimeMessageTypes() => typeof(RuntimeSerializer).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && Markers.Any(m => m.IsAssignableFrom(t)))
        .Concat(Replies);

    private object RoundTrip(object message)
    {
        var serializer = _system.Serialization.FindSerializerFor(message);
        var bytes = serializer.ToBinary(message);
        return _system.Serialization.Deserialize(bytes, serializer.Identifier, AkkaSerialization.ManifestFor(serializer, message));
    }

    [Fact]
    public void Every_runtime_message_type_should_have_a_sample_and_be_bound_to_the_runtime_serializer()
    {
        var sampled = Samples.Select(s => s.GetType()).ToHashSet();
        var missing = RuntimeMessageTypes().Where(t => !sampled.Contains(t)).Select(t => t.Name).ToList();
        Assert.True(missing.Count == 0, $"Runtime messages without a sample (and maybe without a codec): {string.Join(", ", missing)}");

        foreach (var sample in Samples)
            Assert.True(_system.Serialization.FindSerializerFor(sample) is RuntimeSerializer, $"{sample.GetType().Name} is not bound to the runtime serializer");
    }

    [Fact]
    public void The_samples_should_set_every_field_of_every_message_to_something_other_than_its_default()
    {
        // A field the samples leave at its default would round-trip even when the serializer forgets it.
        var unset = Samples.GroupBy(s => s.GetType())
            .SelectMany(g => g.Key.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod is not null && !g.Any(sample => !IsDefault(p.GetValue(sample))))
                .Select(p => $"{g.Key.Name}.{p.Name}"))
            .Except(LocalFields)
            .ToList();

        Assert.True(unset.Count == 0, $"No sample sets: {string.Join(", ", unset)}");
    }

    /// <summary>Bookkeeping of the node a message is on, not sent (a batch's byte counts: DataBatchSerializationSpecs covers them).</summary>
    private static readonly string[] LocalFields = ["DataBatch.SentBytes", "DataBatch.ReceivedBytes"];

    private static bool IsDefault(object? value) =>
        value is null || (value.GetType().IsValueType && value.Equals(Activator.CreateInstance(value.GetType())));

    [Fact]
    public void Every_runtime_message_should_round_trip_with_every_field()
    {
        // Two sets of equal samples: a data batch serialized for the wire is released, so it is compared with its twin.
        foreach (var (sample, twin) in Samples.Zip(Samples))
            WireAssert.Equivalent(twin, RoundTrip(sample), sample.GetType().Name);
    }

    [Fact]
    public void The_runtime_serializer_should_handle_exactly_the_runtime_messages()
    {
        var handled = RuntimeSerializer.Codecs.Types.Append(typeof(DataBatch)).OrderBy(t => t.Name);
        Assert.Equal(RuntimeMessageTypes().OrderBy(t => t.Name), handled);
    }

    [Fact]
    public void Manifests_should_stay_as_released()
    {
        // Nodes of different versions must understand each other: a manifest never changes meaning.
        var expected = new Dictionary<string, string>
        {
            ["ChannelWatermark"] = "CW", ["ChannelWatermarkStatus"] = "CWS", ["ChannelBarrier"] = "CB", ["EndOfPartition"] = "EOP", ["Credit"] = "CR",
            ["DeploySubtask"] = "DS", ["ConnectSubtask"] = "CS", ["StopSource"] = "SS", ["CancelSubtask"] = "CX", ["ReleaseSubtask"] = "RS",
            ["TriggerCheckpoint"] = "TC", ["NotifyCheckpointComplete"] = "NCC", ["NotifyCheckpointAborted"] = "NCA", ["FinishSource"] = "FS", ["AlignSourceWatermarks"] = "ASW",
            ["SubmitJob"] = "SJ", ["SubtaskRegistered"] = "SR", ["SubtaskDeployFailed"] = "SDF", ["SubtaskMetrics"] = "SM", ["SubtaskFinished"] = "SF",
            ["SubtaskFailed"] = "SX", ["SubtaskCancelled"] = "SC", ["GetJobProgress"] = "GJP", ["StopJob"] = "SPJ", ["CancelJob"] = "CJ",
            ["TriggerSavepoint"] = "TS", ["SavepointTaken"] = "ST", ["AcknowledgeCheckpoint"] = "AC", ["DeclineCheckpoint"] = "DC",
            ["SourceExhausted"] = "SE", ["ReportSourceWatermark"] = "RSW", ["JobSucceeded"] = "JS", ["JobEnded"] = "JE", ["JobProgress"] = "JP", ["GetJobDetails"] = "GJD", ["JobDetails"] = "JD",
            ["LoadCheckpoints"] = "LC", ["CheckpointsLoaded"] = "CL", ["StoreCheckpoint"] = "SCP", ["CheckpointStored"] = "CST", ["DiscardCheckpoints"] = "DCP",
            ["WriteKeyGroupState"] = "WKG", ["WriteKeyGroupStatePart"] = "WKP", ["WarmUpKeyGroupState"] = "WKU", ["KeyGroupStateWritten"] = "KGW", ["KeyGroupStateWriteFailed"] = "KGF",
            ["JobAccepted"] = "JA", ["JobRejected"] = "JR", ["UnknownJob"] = "UJ", ["Done"] = "DN",
            ["RequestSlots"] = "RQS", ["SlotsGranted"] = "SG", ["SlotsUnavailable"] = "SU", ["HoldSlots"] = "HS", ["ReleaseSlots"] = "RLS", ["GetSlotLocation"] = "GSL",
            ["SlotLocation"] = "SL", ["GetClusterNodes"] = "GCN", ["ClusterNodes"] = "CN", ["SubmitJobSpec"] = "SJS", ["ToJob"] = "TJ",
            ["ListJobs"] = "LJ", ["JobList"] = "JL", ["JobSummary"] = "JSM", ["MessagePart"] = "MP",
            ["DataBatch"] = "DB:System.Int64",
        };
        var serializer = new RuntimeSerializer(_system);

        var actual = Samples.GroupBy(s => s.GetType()).ToDictionary(g => g.Key.Name, g => serializer.Manifest(g.First()));

        Assert.Equal(expected.OrderBy(e => e.Key), actual.OrderBy(e => e.Key));
    }

    [Fact]
    public void A_deserialized_actor_ref_should_reach_the_same_actor()
    {
        var copy = (SubmitJob)RoundTrip(new SubmitJob("job-1", RuntimeMessageSamples.Spec(), TestActor));

        copy.ResultListener.Tell("hello");

        ExpectMsg("hello");
        Assert.Equal(TestActor, copy.ResultListener);
    }

    [Fact]
    public void A_failure_should_arrive_as_a_remote_failure_naming_the_original_type_with_its_stack_trace_and_causes()
    {
        var original = RuntimeMessageSamples.Thrown();

        var copy = ((SubtaskFailed)RoundTrip(new SubtaskFailed("v", 0, "Map", original))).Cause;

        var remote = Assert.IsType<RemoteFailureException>(copy);
        Assert.Equal("System.InvalidOperationException: injected failure at 90000", remote.Message);
        Assert.Contains(nameof(RuntimeMessageSamples.Thrown), remote.StackTrace);
        var cause = Assert.IsType<RemoteFailureException>(remote.InnerException);
        Assert.Equal(("System.FormatException", "not a number: 'x'"), (cause.OriginalType, cause.OriginalMessage));
    }

    [Fact]
    public void A_job_failure_should_stay_a_job_execution_exception_with_a_meaningful_cause()
    {
        var error = new JobExecutionException("job-1", "Job 'clicks' failed in operator 'Map' (subtask 2/2)", "Map", 1, RuntimeMessageSamples.Thrown());

        var copy = Assert.IsType<JobExecutionException>(((JobEnded)RoundTrip(new JobEnded(JobStatus.Failed, error))).Error);

        Assert.Equal((error.JobId, error.Message, error.OperatorName, error.SubtaskIndex), (copy.JobId, copy.Message, copy.OperatorName, copy.SubtaskIndex));
        var cause = Assert.IsType<RemoteFailureException>(copy.InnerException);
        Assert.Equal("System.InvalidOperationException", cause.OriginalType);
        Assert.Equal("injected failure at 90000", cause.OriginalMessage);
    }

    [Fact]
    public void A_failure_forwarded_again_should_keep_its_original_type_message_and_stack_trace()
    {
        var once = ((SubtaskFailed)RoundTrip(new SubtaskFailed("v", 0, "Map", RuntimeMessageSamples.Thrown()))).Cause;

        var twice = ((SubtaskFailed)RoundTrip(new SubtaskFailed("v", 0, "Map", once))).Cause;

        var remote = Assert.IsType<RemoteFailureException>(twice);
        Assert.Equal((once.Message, once.StackTrace), (remote.Message, remote.StackTrace));
        Assert.Equal(once.InnerException!.Message, remote.InnerException!.Message);
    }

    [Fact]
    public void Unknown_manifests_and_format_versions_should_fail_with_a_clear_error()
    {
        var serializer = new RuntimeSerializer(_system);
        var bytes = serializer.ToBinary(new Credit(1, 2, 3));

        Assert.Contains("'ZZ'", Assert.Throws<SerializationException>(() => serializer.FromBinary(bytes, "ZZ")).Message);
        Assert.Contains("version 9", Assert.Throws<SerializationException>(() => serializer.FromBinary([9, .. bytes[1..]], "CR")).Message);
        Assert.Contains("String", Assert.Throws<ArgumentException>(() => serializer.Manifest("not a message")).Message);
    }
}
