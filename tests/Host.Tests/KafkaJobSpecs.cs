using ActorStream.Connectors.Tests.Kafka;
using ActorStream.Host.Tests.Support;

namespace ActorStream.Host.Tests;

/// <summary>
/// The click jobs on Kafka, on librdkafka's mock cluster in this process: clicks from a topic to topics gives
/// exactly the simulation's output; with an injected failure every expected line is there (the mock fakes
/// transactions, so exactly-once across a restore is shown against a real broker in <see cref="RealKafkaJobSpecs"/>).
/// </summary>
[Collection(JobRunsCollection.Name)]
public sealed class KafkaJobSpecs(MockKafka kafka) : IClassFixture<MockKafka>
{
    private static readonly Lazy<IReadOnlyList<string>> Input = new(() => ClickFile.Generate(20_000, seed: 23));

    private static readonly string[] Windows = ["--window", "10000ms", "--allowed-lateness", "5000ms", "--out-of-orderness", "2000ms"];

    private string InputTopic(string name)
    {
        kafka.Cluster.CreateTopic(name, 1);
        TestRecords.Produce(kafka.Bootstrap, name, Input.Value, _ => 0);
        return name;
    }

    [Fact]
    public async Task Clicks_from_a_topic_to_topics_should_write_exactly_the_simulations_output()
    {
        var input = InputTopic("clicks-in");

        var run = await CliRun.InvokeAsync(["run", "clicks", "--bootstrap-servers", kafka.Bootstrap, "--input-topic", input, "--bounded",
            "--output-topic", "clicks-out", "--parallelism", "3", "--checkpoint-interval", "300ms", .. Windows]);

        Assert.True(run.ExitCode == 0, run.ToString());
        AssertOutput("clicks-out", atLeastOnce: false);
    }

    [Fact]
    public async Task Clicks_from_a_topic_should_recover_from_an_injected_failure_with_every_expected_line()
    {
        var input = InputTopic("clicks-failing-in");

        var run = await CliRun.InvokeAsync(["run", "clicks", "--bootstrap-servers", kafka.Bootstrap, "--input-topic", input, "--bounded",
            "--output-topic", "clicks-failing-out", "--checkpoint-interval", "200ms", "--rate", "20000", "--inject-failure-after", "10000", .. Windows]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(run.Out.Contains("  restarts  1\n"), run.ToString());
        AssertOutput("clicks-failing-out", atLeastOnce: true);
    }

    [Fact]
    public async Task A_missing_input_topic_should_fail_the_job_naming_the_topic()
    {
        var run = await CliRun.InvokeAsync(["run", "clicks", "--bootstrap-servers", kafka.Bootstrap, "--input-topic", "never-made", "--bounded",
            "--output-topic", "never-out"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("'never-made'", run.ToString());
    }

    [Fact]
    public async Task Giving_both_a_file_and_a_topic_should_say_to_give_one()
    {
        var run = await CliRun.InvokeAsync(["run", "clicks", "--input", "x.jsonl", "--bootstrap-servers", kafka.Bootstrap, "--input-topic", "t",
            "--output", "out"]);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("--input: give --input FILE, or --bootstrap-servers HOST:PORT --input-topic TOPIC (not both).", run.Error);
    }

    private void AssertOutput(string topic, bool atLeastOnce)
    {
        var expected = ClickFile.Simulate(Input.Value, 10_000, 5_000, 2_000);
        ClicksOutput.AssertMatches(expected, TopicReader.Values(kafka.Bootstrap, topic), TopicReader.Values(kafka.Bootstrap, topic + "-late"),
            TopicReader.Values(kafka.Bootstrap, topic + "-errors"), atLeastOnce);
    }
}

/// <summary>
/// The clicks job on a real broker (KAFKA_BOOTSTRAP): killed with SIGKILL mid-run and resumed from the latest
/// checkpoint, a read_committed consumer of the output topics sees each expected line exactly once.
/// </summary>
[Collection(JobRunsCollection.Name)]
public sealed class RealKafkaJobSpecs
{
    private static readonly Lazy<IReadOnlyList<string>> Input = new(() => ClickFile.Generate(20_000, seed: 29));

    [RealKafkaFact]
    public async Task Clicks_killed_and_resumed_should_leave_each_expected_line_once_for_read_committed_readers()
    {
        var bootstrap = RealKafka.Bootstrap!;
        var input = RealKafka.CreateTopic("clicks-in", 1);
        var output = RealKafka.CreateTopic("clicks-out", 1);
        RealKafka.CreateTopic(output + "-late", 1, exactName: true);
        RealKafka.CreateTopic(output + "-errors", 1, exactName: true);
        TestRecords.Produce(bootstrap, input, Input.Value, _ => 0);
        using var temp = new TempDirectory();
        var stateDb = temp.Combine("state.db");
        string[] Args(params string[] more) =>
        [
            "run", "clicks", "--bootstrap-servers", bootstrap, "--input-topic", input, "--bounded", "--output-topic", output,
            "--window", "10000ms", "--allowed-lateness", "5000ms", "--out-of-orderness", "2000ms", "--parallelism", "2",
            "--checkpoint-interval", "200ms", "--state-db", stateDb, .. more,
        ];

        using (var engine = CliProcess.Start(Args("--rate", "4000")))
            await LocalCheckpoints.KillAfterAsync(engine, stateDb, "clicks", 3);
        var resumed = await CliRun.InvokeAsync(Args("--from-savepoint", "latest"));

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        var expected = ClickFile.Simulate(Input.Value, 10_000, 5_000, 2_000);
        ClicksOutput.AssertMatches(expected, TopicReader.Values(bootstrap, output), TopicReader.Values(bootstrap, output + "-late"),
            TopicReader.Values(bootstrap, output + "-errors"));
    }

}
