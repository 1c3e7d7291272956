using ActorStream.Graph.Plan;
using ActorStream.Graph.Sources;

namespace ActorStream.Graph;

/// <summary>The entry point of a streaming program: creates sources, holds settings, executes the job.</summary>
public sealed class StreamExecutionEnvironment
{
    private readonly List<Transformation> _transformations = [];
    private readonly List<IJobAttachment> _attachments = [];
    private readonly IJobExecutor? _executor;
    private int _nextId;

    private StreamExecutionEnvironment(IJobExecutor? executor) => _executor = executor;

    /// <summary>
    /// Creates an environment that runs jobs on <paramref name="executor"/>; without one it only builds job graphs. The
    /// runtime adds <c>StreamExecutionEnvironment.GetExecutionEnvironment()</c> (a local, in-process runtime) to this type.
    /// </summary>
    public static StreamExecutionEnvironment Create(IJobExecutor? executor = null) => new(executor);

    /// <summary>All settings as one record.</summary>
    public PlanSettings Settings { get; set; } = new();

    /// <summary>The default parallelism of operators (default: the number of cores).</summary>
    public int Parallelism
    {
        get => Settings.Parallelism;
        set => Settings = Settings with { Parallelism = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Parallelism must be at least 1.") };
    }

    /// <summary>The default max parallelism: the number of key groups (default 128).</summary>
    public int MaxParallelism
    {
        get => Settings.MaxParallelism;
        set => Settings = Settings with { MaxParallelism = value };
    }

    /// <summary>The runtime mode (default Automatic).</summary>
    public RuntimeExecutionMode RuntimeMode
    {
        get => Settings.RuntimeMode;
        set => Settings = Settings with { RuntimeMode = value };
    }

    /// <summary>How often sources emit periodic watermarks; zero emits after every event (default 200 ms).</summary>
    public TimeSpan AutoWatermarkInterval
    {
        get => Settings.AutoWatermarkInterval;
        set => Settings = Settings with { AutoWatermarkInterval = value };
    }

    /// <summary>
    /// Records per batch between subtasks (default 1,024): a batch is sent when it holds this many, or on a flush. A batch to
    /// another node holds up to 16 times as many small records, within its byte budget (a message between nodes costs more).
    /// </summary>
    public int BatchSize
    {
        get => Settings.BatchSize;
        set => Settings = Settings with { BatchSize = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Batch size must be at least 1.") };
    }

    /// <summary>How long a partly filled batch may wait before it is sent (default 5 ms; Flink's buffer timeout).</summary>
    public TimeSpan BatchTimeout
    {
        get => Settings.BatchTimeout;
        set => Settings = Settings with { BatchTimeout = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Batch timeout must be positive.") };
    }

    /// <summary>Batches each input channel of a subtask may have in flight (credits, default 2).</summary>
    public int CreditsPerChannel
    {
        get => Settings.CreditsPerChannel;
        set => Settings = Settings with { CreditsPerChannel = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Credits per channel must be at least 1.") };
    }

    /// <summary>
    /// The serialized bytes a batch to a subtask of the same node may hold (default 1 MiB), estimated from sampled records:
    /// bounds the memory in flight and the data a barrier waits behind when records are large.
    /// </summary>
    public int LocalBatchBytes
    {
        get => Settings.LocalBatchBytes;
        set => Settings = Settings with { LocalBatchBytes = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Local batch bytes must be at least 1.") };
    }

    /// <summary>
    /// Takes a checkpoint every <paramref name="interval"/>: sources record their positions and send
    /// barriers, every subtask writes its state, sinks commit when the checkpoint completes.
    /// Further settings through <see cref="CheckpointConfig"/>.
    /// </summary>
    public StreamExecutionEnvironment EnableCheckpointing(TimeSpan interval, CheckpointingMode mode = CheckpointingMode.ExactlyOnce)
    {
        Settings = Settings with { Checkpointing = new CheckpointConfig { Interval = interval, Mode = mode }.Validate() };
        return this;
    }

    /// <summary>The checkpoint settings, or null when checkpointing is off; set it to change timeout, pause and so on.</summary>
    public CheckpointConfig? CheckpointConfig
    {
        get => Settings.Checkpointing;
        set => Settings = Settings with { Checkpointing = value?.Validate() };
    }

    /// <summary>Starts the job from a checkpoint or savepoint (see <see cref="SavepointRestoreSettings"/>).</summary>
    public StreamExecutionEnvironment RestoreFrom(string pointer, bool allowNonRestoredState = false)
    {
        var restore = new SavepointRestoreSettings(pointer, allowNonRestoredState);
        restore.Parse();
        Settings = Settings with { RestoreFrom = restore };
        return this;
    }

    /// <summary>What happens when a subtask fails (default: none, or exponential delay with checkpointing).</summary>
    public RestartStrategy RestartStrategy
    {
        get => Settings.EffectiveRestartStrategy;
        set => Settings = Settings with { RestartStrategy = value.Validate() };
    }

    /// <summary>A stream of the given elements, read by one subtask in order.</summary>
    public DataStream<T> FromCollection<T>(IEnumerable<T> elements, string name = "Collection Source") =>
        FromSource(new CollectionSource<T>(elements), WatermarkStrategy<T>.NoWatermarks(), name);

    /// <summary>The numbers <paramref name="from"/> to <paramref name="to"/> inclusive, split among the source's subtasks.</summary>
    public DataStream<long> FromSequence(long from, long to, string name = "Sequence Source") =>
        FromSource(new NumberSequenceSource(from, to), WatermarkStrategy<long>.NoWatermarks(), name);

    /// <summary>
    /// The lines of a UTF-8 text file, or of every file in a directory (one file per split);
    /// <paramref name="recordsPerSecond"/> throttles the source to that many lines per second in total.
    /// </summary>
    public DataStream<string> ReadTextFile(string path, string? name = null, double? recordsPerSecond = null) =>
        FromSource(new TextLineSource(path, recordsPerSecond), WatermarkStrategy<string>.NoWatermarks(), name ?? $"ReadTextFile({Path.GetFileName(path)})");

    /// <summary>
    /// The lines a TCP server at <paramref name="host"/>:<paramref name="port"/> sends, split at <paramref name="delimiter"/>
    /// (Flink's socketTextStream; parallelism 1). When the connection closes or is refused the source connects again,
    /// waiting up to <paramref name="maxRetryBackoff"/> (doubling from 100 ms), at most <paramref name="maxRetries"/> times in
    /// a row (-1: forever); then its input ends. At most once: lines received but not yet through a completed checkpoint
    /// are lost when the job fails (see <see cref="SocketTextSource"/>).
    /// </summary>
    public DataStream<string> SocketTextStream(string host, int port, char delimiter = '\n', int maxRetries = 0, TimeSpan? maxRetryBackoff = null,
        string? name = null) =>
        FromSource(new SocketTextSource(host, port, delimiter, maxRetries, maxRetryBackoff), WatermarkStrategy<string>.NoWatermarks(),
            name ?? $"Socket Stream({host}:{port})");

    /// <summary>A stream read from <paramref name="source"/> with timestamps and watermarks from <paramref name="watermarks"/>.</summary>
    public DataStream<T> FromSource<T>(ISource<T> source, WatermarkStrategy<T> watermarks, string name) =>
        new(this, Register(new SourceTransformation<T>(NextId(), name, source, watermarks)));

    /// <summary>The stream graph of the program so far.</summary>
    public StreamGraph GetStreamGraph(string jobName = "ActorStream Job") =>
        new StreamGraphGenerator(Settings).Generate(jobName, _transformations);

    /// <summary>The job graph (operators chained into vertices) of the program so far.</summary>
    public JobGraph GetJobGraph(string jobName = "ActorStream Job") => JobGraphBuilder.Build(GetStreamGraph(jobName));

    /// <summary>The job graph as JSON.</summary>
    public string GetExecutionPlan(string jobName = "ActorStream Job") => ExecutionPlan.ToJson(GetJobGraph(jobName));

    /// <summary>Runs the program and returns when the job finishes; cancelling the token cancels the job.</summary>
    public async Task<JobExecutionResult> ExecuteAsync(string jobName = "ActorStream Job", CancellationToken cancellationToken = default)
    {
        var client = await StartAsync(jobName, cancellationToken).ConfigureAwait(false);
        await using var _ = cancellationToken.Register(() => client.CancelAsync(CancellationToken.None));
        return await client.Completion.ConfigureAwait(false);
    }

    /// <summary>Submits the program and returns a client for the running job.</summary>
    public Task<IJobClient> StartAsync(string jobName = "ActorStream Job", CancellationToken cancellationToken = default)
    {
        var graph = GetJobGraph(jobName);
        _transformations.Clear();
        var attachments = _attachments.ToList();
        _attachments.Clear();
        var executor = _executor ?? throw new InvalidOperationException(
            "This environment has no runtime to run jobs on: create it with StreamExecutionEnvironment.GetExecutionEnvironment() " +
            "(the ActorStream package's local runtime) or StreamExecutionEnvironment.Create(executor).");
        return attachments.Count == 0 ? executor.SubmitAsync(graph, cancellationToken) : SubmitAttachedAsync(executor, graph, attachments, cancellationToken);
    }

    /// <summary>Submits a job whose collected streams follow it.</summary>
    private static async Task<IJobClient> SubmitAttachedAsync(IJobExecutor executor, JobGraph graph, List<IJobAttachment> attachments,
        CancellationToken cancellationToken)
    {
        attachments.ForEach(a => a.Submitting());
        IJobClient client;
        try
        {
            client = await executor.SubmitAsync(graph, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            attachments.ForEach(a => a.Fail(e));
            throw;
        }
        attachments.ForEach(a => a.Attach(client));
        return client;
    }

    /// <summary>Lets <paramref name="attachment"/> follow the job this environment submits next.</summary>
    internal void Attach(IJobAttachment attachment) => _attachments.Add(attachment);

    internal int NextId() => ++_nextId;

    internal T Register<T>(T transformation) where T : Transformation
    {
        _transformations.Add(transformation);
        return transformation;
    }
}
