using ActorStream.Actors.Interop;
using ActorStream.Graph;
using ActorStream.Graph.Windowing;
using ActorStream.Hosting;
using Akka.Actor;
using Akka.Hosting;

namespace ActorStream.Examples.Hosted;

/// <summary>
/// The app's stream job: clicks posted over HTTP enter through an actor source, are counted per item in 10-second
/// event-time windows, and each window's count goes to the item's entity. Started with the app, resumed from its
/// latest checkpoint or savepoint after a restart (the app's stop takes a savepoint).
/// </summary>
public sealed class ClickPipeline(ActorSystem system, IJobExecutor executor, ActorRegistry registry, ILogger<ClickPipeline> log) : IHostedService
{
    /// <summary>The job's name, and the name its checkpoints are kept under.</summary>
    public const string JobName = "hosted-clicks";

    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    private readonly TaskCompletionSource<ActorSourceWriter<Click>> _writer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Where the HTTP endpoint sends clicks (once the job runs).</summary>
    public Task<ActorSourceWriter<Click>> Writer => _writer.Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var items = await registry.GetAsync<ItemRegion>(cancellationToken);
        var source = ActorSource<Click>.Create(system, "clicks");
        try
        {
            await StartJobAsync(source, items, restore: true, cancellationToken);
        }
        catch (JobExecutionException e) when (e.InnerException is CheckpointRestoreException)
        {
            log.LogInformation("No checkpoint of {Job} yet: starting it afresh", JobName);
            await StartJobAsync(ActorSource<Click>.Create(system, "clicks-fresh"), items, restore: false, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask; // ActorStream stops the job with a savepoint

    private async Task StartJobAsync(ActorSource<Click> source, IActorRef items, bool restore, CancellationToken cancellationToken)
    {
        var env = StreamExecutionEnvironment.Create(executor);
        env.Parallelism = 2;
        env.RuntimeMode = RuntimeExecutionMode.Streaming;
        env.EnableCheckpointing(TimeSpan.FromSeconds(1));
        if (restore)
            env.RestoreFrom("latest");
        env.FromSource(source, WatermarkStrategy<Click>.ForBoundedOutOfOrderness(TimeSpan.FromSeconds(1)).WithTimestampAssigner((c, _) => c.Ts), "clicks")
            .Uid("clicks")
            .KeyBy(c => c.Item)
            .Window(TumblingEventTimeWindows.Of(Window))
            .Process(new CountPerWindow()).Name("count-per-window").Uid("count-per-window")
            .SinkToShardRegion(items, count => count.Item, count => count, name: "item-entities").Uid("item-entities");
        var job = await env.StartAsync(JobName, cancellationToken);
        // A restore that finds nothing fails the job at once: wait for it to run before taking clicks.
        while (true)
        {
            if (job.Completion.IsFaulted)
                await job.Completion;
            if ((await job.GetProgressAsync(cancellationToken)).Status == JobStatus.Running)
                break;
            await Task.Delay(100, cancellationToken);
        }
        log.LogInformation("Job {Job} runs as {JobId}", JobName, job.JobId);
        _writer.TrySetResult(source.Writer());
    }

    private sealed class CountPerWindow : ProcessWindowFunction<Click, ItemWindowCount, string, TimeWindow>
    {
        public override void Process(string key, Context context, IEnumerable<Click> elements, ICollector<ItemWindowCount> output) =>
            output.Collect(new ItemWindowCount(key, context.Window.Start, elements.LongCount()));
    }
}
