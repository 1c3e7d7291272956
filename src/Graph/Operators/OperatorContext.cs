using ActorStream.Graph.Keys;
using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Operators;

/// <summary>What the runtime tells an operator about the subtask it runs in.</summary>
public sealed record OperatorContext
{
    /// <summary>The job's name (stable across restores of the job).</summary>
    public string JobName { get; init; } = "job";

    /// <summary>The operator's name.</summary>
    public required string OperatorName { get; init; }

    /// <summary>The operator's stable uid.</summary>
    public required string OperatorUid { get; init; }

    /// <summary>This subtask's index.</summary>
    public required int SubtaskIndex { get; init; }

    /// <summary>The operator's parallelism.</summary>
    public required int Parallelism { get; init; }

    /// <summary>The operator's max parallelism.</summary>
    public required int MaxParallelism { get; init; }

    /// <summary>The job's effective runtime mode (never Automatic).</summary>
    public required RuntimeExecutionMode RuntimeMode { get; init; }

    /// <summary>The named counters of this subtask.</summary>
    public required CounterGroup Counters { get; init; }

    /// <summary>True when the job takes checkpoints, so sinks commit per checkpoint rather than at the end of input.</summary>
    public bool CheckpointingEnabled { get; init; }

    /// <summary>The processing-time clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Processing time and its callbacks, run by the subtask between batches.</summary>
    public IProcessingTimeService ProcessingTime { get; init; } = new ManualProcessingTimeService();

    /// <summary>
    /// The subtask's mailbox: work completed on other threads posts here to run on the subtask's thread between
    /// batches (async I/O). Tests get a <see cref="ManualOperatorMailbox"/> that they drive.
    /// </summary>
    public IOperatorMailbox Mailbox { get; init; } = new ManualOperatorMailbox();

    /// <summary>The key groups this subtask owns.</summary>
    public KeyGroupRange KeyGroupRange =>
        KeyGroupRangeAssignment.ComputeKeyGroupRangeForOperatorIndex(MaxParallelism, Parallelism, SubtaskIndex);

    /// <summary>A context for tests and single-subtask use.</summary>
    public static OperatorContext ForTest(string name = "test", int subtaskIndex = 0, int parallelism = 1,
        int maxParallelism = KeyGroupRangeAssignment.DefaultMaxParallelism,
        RuntimeExecutionMode mode = RuntimeExecutionMode.Streaming, IProcessingTimeService? processingTime = null) => new()
        {
            ProcessingTime = processingTime ?? new ManualProcessingTimeService(),
            OperatorName = name,
            OperatorUid = name,
            SubtaskIndex = subtaskIndex,
            Parallelism = parallelism,
            MaxParallelism = maxParallelism,
            RuntimeMode = mode,
            Counters = new CounterGroup(),
        };
}
