using ActorStream.Graph.Plan;
using ActorStream.Graph.Tests.Harness;
using static ActorStream.Graph.Tests.Plan.Programs;

namespace ActorStream.Graph.Tests.Plan;

public sealed class RuntimeModeTests
{
    private static StreamExecutionEnvironment WithMode(RuntimeExecutionMode? mode, bool unbounded)
    {
        var env = Env();
        if (mode is { } m)
            env.RuntimeMode = m;
        var numbers = env.FromSequence(1, 10);
        if (unbounded)
            numbers = numbers.Union(env.FromSource(new UnboundedSource<long>(), WatermarkStrategy<long>.NoWatermarks(), "endless"));
        numbers.Map(x => x);
        return env;
    }

    [Fact]
    public void The_default_mode_should_be_automatic() => Assert.Equal(RuntimeExecutionMode.Automatic, Env().RuntimeMode);

    [Fact]
    public void Automatic_should_resolve_to_batch_when_every_source_is_bounded()
    {
        var graph = WithMode(null, unbounded: false).GetJobGraph();

        Assert.Equal(RuntimeExecutionMode.Batch, graph.RuntimeMode);
        Assert.Equal(RuntimeExecutionMode.Batch, graph.StreamGraph.RuntimeMode);
    }

    [Fact]
    public void Automatic_should_resolve_to_streaming_when_any_source_is_unbounded() =>
        Assert.Equal(RuntimeExecutionMode.Streaming, WithMode(RuntimeExecutionMode.Automatic, unbounded: true).GetJobGraph().RuntimeMode);

    [Fact]
    public void Explicit_streaming_should_stay_streaming_for_bounded_sources() =>
        Assert.Equal(RuntimeExecutionMode.Streaming, WithMode(RuntimeExecutionMode.Streaming, unbounded: false).GetJobGraph().RuntimeMode);

    [Fact]
    public void Explicit_batch_should_be_rejected_with_an_unbounded_source()
    {
        var env = WithMode(RuntimeExecutionMode.Batch, unbounded: true);

        var error = Assert.Throws<InvalidOperationException>(() => env.GetJobGraph());

        Assert.Equal("Runtime mode BATCH needs bounded sources, but source 'endless' is unbounded. Use STREAMING or AUTOMATIC.", error.Message);
    }

    [Fact]
    public void The_job_graph_should_carry_the_job_name_and_settings()
    {
        var env = WithMode(RuntimeExecutionMode.Streaming, unbounded: false);
        env.AutoWatermarkInterval = TimeSpan.FromMilliseconds(50);

        var graph = env.GetJobGraph("numbers job");

        Assert.Equal("numbers job", graph.JobName);
        Assert.Equal(new PlanSettings { Parallelism = 2, RuntimeMode = RuntimeExecutionMode.Streaming, AutoWatermarkInterval = TimeSpan.FromMilliseconds(50) },
            graph.Settings);
    }

    [Fact]
    public void The_job_graph_should_carry_the_exchange_settings_set_on_the_environment()
    {
        var env = WithMode(RuntimeExecutionMode.Streaming, unbounded: false);
        env.BatchSize = 256;
        env.CreditsPerChannel = 4;
        env.BatchTimeout = TimeSpan.FromMilliseconds(20);
        env.LocalBatchBytes = 64 * 1024;

        var settings = env.GetJobGraph().Settings;

        Assert.Equal((256, 4, TimeSpan.FromMilliseconds(20), 64 * 1024),
            (settings.BatchSize, settings.CreditsPerChannel, settings.BatchTimeout, settings.LocalBatchBytes));
    }

    [Fact]
    public void Exchange_settings_out_of_range_should_be_refused_when_set()
    {
        var env = Env();

        Assert.Throws<ArgumentOutOfRangeException>(() => env.BatchSize = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => env.CreditsPerChannel = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => env.BatchTimeout = TimeSpan.Zero);
        Assert.Throws<ArgumentOutOfRangeException>(() => env.LocalBatchBytes = 0);
        Assert.Equal((1024, 2, TimeSpan.FromMilliseconds(5), PlanSettings.DefaultLocalBatchBytes),
            (env.BatchSize, env.CreditsPerChannel, env.BatchTimeout, env.LocalBatchBytes));
    }

    public static TheoryData<PlanSettings, string> InvalidSettings => new()
    {
        { new PlanSettings { Parallelism = 2, BatchSize = 0 }, "BatchSize" },
        { new PlanSettings { Parallelism = 2, CreditsPerChannel = 0 }, "CreditsPerChannel" },
        { new PlanSettings { Parallelism = 2, BatchTimeout = TimeSpan.Zero }, "BatchTimeout" },
        { new PlanSettings { Parallelism = 2, LocalBatchBytes = 0 }, "LocalBatchBytes" },
        { new PlanSettings { Parallelism = 2, AutoWatermarkInterval = TimeSpan.FromMilliseconds(-1) }, "AutoWatermarkInterval" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Invalid_settings_should_be_rejected_naming_the_setting(PlanSettings settings, string name)
    {
        var env = Env();
        env.Settings = settings;
        env.FromSequence(1, 10);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => env.GetStreamGraph());

        Assert.Equal(name, error.ParamName);
    }
}
