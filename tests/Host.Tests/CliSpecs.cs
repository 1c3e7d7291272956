using ActorStream.Host.Tests.Support;

namespace ActorStream.Host.Tests;

public sealed class CliSpecs
{
    [Fact]
    public async Task Jobs_should_list_the_example_jobs_with_descriptions_and_options()
    {
        var run = await CliRun.InvokeAsync("jobs");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("wordcount", run.Out);
        Assert.Contains("Counts the words", run.Out);
        Assert.Contains("--input", run.Out);
        Assert.Contains("demo-clicks", run.Out);
    }

    [Fact]
    public async Task Run_without_a_required_option_should_fail_naming_it()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync("run", "wordcount", "--output", temp.Combine("out"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--input", run.Error);
    }

    [Fact]
    public async Task Run_with_a_missing_input_file_should_fail_naming_the_option_without_a_stack_trace()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync("run", "wordcount", "--input", temp.Combine("missing.txt"), "--output", temp.Combine("out"));

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("--input", run.Error);
        Assert.Contains("missing.txt", run.Error);
        Assert.DoesNotContain("   at ", run.Error + run.Out);
        Assert.False(Directory.Exists(temp.Combine("out")));
    }

    [Fact]
    public async Task Run_wordcount_into_a_directory_with_earlier_parts_should_refuse()
    {
        using var temp = new TempDirectory();
        var input = temp.Combine("in.txt");
        await File.WriteAllTextAsync(input, "a b c\n");
        Directory.CreateDirectory(temp.Combine("out"));
        await File.WriteAllTextAsync(temp.Combine("out", "part-7-0.txt"), "old\t1\n");

        var run = await CliRun.InvokeAsync("run", "wordcount", "--input", input, "--output", temp.Combine("out"));

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("--output", run.Error);
        Assert.Contains("holds results of an earlier run", run.Error);
    }

    [Fact]
    public async Task Run_with_an_unknown_mode_should_fail_listing_the_modes()
    {
        using var temp = new TempDirectory();
        var input = temp.Combine("in.txt");
        await File.WriteAllTextAsync(input, "a b c\n");

        var run = await CliRun.InvokeAsync("run", "wordcount", "--input", input, "--output", temp.Combine("out"), "--mode", "sideways");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("--mode", run.Error);
        Assert.Contains("sideways", run.Error);
        Assert.Contains("streaming, batch or automatic", run.Error);
    }

    [Theory]
    [InlineData("--parallelism", "0")]
    [InlineData("--parallelism", "many")]
    [InlineData("--max-parallelism", "40000")]
    public async Task Run_with_an_invalid_number_should_fail_naming_the_option(string option, string value)
    {
        using var temp = new TempDirectory();
        var input = temp.Combine("in.txt");
        await File.WriteAllTextAsync(input, "a b c\n");

        var run = await CliRun.InvokeAsync("run", "wordcount", "--input", input, "--output", temp.Combine("out"), option, value);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains($"{option}: '{value}'", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task Run_with_an_unknown_job_should_fail_listing_the_jobs()
    {
        var run = await CliRun.InvokeAsync("run", "nosuchjob");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("nosuchjob", run.Error);
        Assert.Contains("wordcount", run.Error);
    }

    [Fact]
    public async Task Run_in_batch_mode_with_an_unbounded_source_should_fail_before_starting()
    {
        var run = await CliRun.InvokeAsync("run", "demo-clicks", "--mode", "batch");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("BATCH", run.Error);
        Assert.Contains("click-events", run.Error);
    }

    [Fact]
    public async Task Run_with_a_bad_job_option_value_should_fail_naming_the_option()
    {
        var run = await CliRun.InvokeAsync("run", "demo-clicks", "--rate", "fast");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("--rate: 'fast' is not a number", run.Error);
    }

    [Fact]
    public async Task A_node_with_a_sqlite_store_and_seeds_of_other_nodes_should_be_refused_naming_the_key_and_the_fix()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync("node", "--port", "4999", "--seeds", "10.0.0.2:4053", "--state-db", temp.Combine("state.db"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("actorstream.state.db", run.Error);
        Assert.Contains("MySQL/MariaDB connection string", run.Error);
    }

    [Fact]
    public async Task Cluster_commands_should_say_clearly_when_no_node_answers()
    {
        var run = await CliRun.InvokeAsync("list", "--cluster", "127.0.0.1:1");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Cannot reach the cluster: 127.0.0.1:1", run.Error);
    }

    [Fact]
    public async Task Run_on_a_cluster_should_refuse_a_state_db_of_its_own()
    {
        using var temp = new TempDirectory();
        var input = temp.Combine("book.txt");
        await File.WriteAllTextAsync(input, "a b");

        var run = await CliRun.InvokeAsync("run", "wordcount", "--input", input, "--output", temp.Combine("out"),
            "--cluster", "127.0.0.1:1", "--state-db", temp.Combine("state.db"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--state-db does not apply with --cluster", run.Error);
    }
}
