using System.Text;
using ActorStream.Host.Tests.Support;

namespace ActorStream.Host.Tests;

/// <summary>
/// Mistakes a new user makes when starting a job: each one ends the command with exit code 1 and one line that
/// names the option and the fix, before anything runs, and leaves nothing behind.
/// </summary>
[Collection(JobRunsCollection.Name)]
public sealed class CliInputSpecs
{
    private static readonly Lazy<IReadOnlyList<string>> Clicks = new(() => ClickFile.Generate(2_000, seed: 5));

    private static string ClickInput(TempDirectory temp)
    {
        var input = temp.Combine("clicks.jsonl");
        ClickFile.Write(input, Clicks.Value);
        return input;
    }

    [Theory]
    [InlineData("5")]
    [InlineData("5 parsecs")]
    public async Task A_duration_without_a_known_unit_should_be_refused_naming_the_units(string interval)
    {
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync("run", "clicks", "--input", ClickInput(temp), "--output", temp.Combine("out"), "--checkpoint-interval", interval);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains($"--checkpoint-interval: '{interval}' is not a duration", run.Error);
        Assert.Contains("ms, s, m, h or d", run.Error);
    }

    [Fact]
    public async Task A_parallelism_above_the_max_parallelism_should_be_refused()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync("run", "clicks", "--input", ClickInput(temp), "--output", temp.Combine("out"), "-p", "4", "--max-parallelism", "2");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("--parallelism 4 is above --max-parallelism 2", run.Error);
        Assert.False(Directory.Exists(temp.Combine("out")));
    }

    [Fact]
    public async Task An_output_directory_with_earlier_results_should_be_refused_unless_overwritten()
    {
        using var temp = new TempDirectory();
        var input = ClickInput(temp);
        var output = temp.Combine("out");
        Directory.CreateDirectory(Path.Combine(output, "errors"));
        await File.WriteAllTextAsync(Path.Combine(output, "part-0-0.jsonl"), "{\"stale\":true}\n");
        await File.WriteAllTextAsync(Path.Combine(output, "errors", "part-5-3.jsonl"), "{\"line\":\"stale\",\"error\":\"old\"}\n");

        var refused = await CliRun.InvokeAsync("run", "clicks", "--input", input, "--output", output);
        Assert.Equal(ExitCodes.InvalidInput, refused.ExitCode);
        Assert.Contains("--output: ", refused.Error);
        Assert.Contains("holds results of an earlier run (2 part files)", refused.Error);
        Assert.Contains("--overwrite", refused.Error);

        var overwritten = await CliRun.InvokeAsync("run", "clicks", "--input", input, "--output", output, "--overwrite");
        Assert.True(overwritten.ExitCode == 0, overwritten.ToString());
        var files = Directory.GetFiles(output, "part-*", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        Assert.DoesNotContain(files, f => File.ReadAllText(f).Contains("stale", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_output_that_is_a_file_or_not_writable_should_be_refused_saying_what_is_wrong()
    {
        using var temp = new TempDirectory();
        var input = ClickInput(temp);
        var file = temp.Combine("a-file");
        await File.WriteAllTextAsync(file, "");

        var intoFile = await CliRun.InvokeAsync("run", "fraud", "--input", input, "--output", file);
        var intoProc = await CliRun.InvokeAsync("run", "clicks", "--input", input, "--output", "/proc/actorstream-out");

        Assert.Equal((ExitCodes.InvalidInput, ExitCodes.InvalidInput), (intoFile.ExitCode, intoProc.ExitCode));
        Assert.Contains($"--output: '{file}' is a file; give a directory", intoFile.Error);
        Assert.Contains("--output: '/proc/actorstream-out' is not writable", intoProc.Error);
    }

    [Fact]
    public async Task A_utf16_input_should_be_refused_with_how_to_convert_it()
    {
        using var temp = new TempDirectory();
        var input = temp.Combine("clicks-utf16.jsonl");
        await File.WriteAllLinesAsync(input, Clicks.Value.Take(10), Encoding.Unicode);

        var run = await CliRun.InvokeAsync("run", "clicks", "--input", input, "--output", temp.Combine("out"));

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("is UTF-16 text; ActorStream reads UTF-8", run.Error);
        Assert.Contains("iconv", run.Error);
    }

    [Fact]
    public async Task Resuming_with_no_state_store_should_be_refused_and_create_none()
    {
        using var temp = new TempDirectory();
        var state = temp.Combine("state.db");

        var run = await CliRun.InvokeAsync("run", "clicks", "--input", ClickInput(temp), "--output", temp.Combine("out"),
            "--state-db", state, "--from-savepoint", "latest");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains($"--from-savepoint latest: nothing to restore: the state store {state} does not exist", run.Error);
        Assert.False(File.Exists(state));
    }

    [Fact]
    public async Task Resuming_from_a_store_without_a_checkpoint_of_the_job_should_say_so_in_one_line()
    {
        using var temp = new TempDirectory();
        var input = temp.Combine("book.txt");
        await File.WriteAllTextAsync(input, "a b a\n");
        var state = temp.Combine("state.db");
        var counted = await CliRun.InvokeAsync("run", "wordcount", "--input", input, "--output", temp.Combine("words"), "--state-db", state,
            "--checkpoint-interval", "100ms", "--mode", "streaming");
        Assert.True(counted.ExitCode == 0, counted.ToString());

        using var resumed = CliProcess.Start("run", "clicks", "--input", ClickInput(temp), "--output", temp.Combine("out"),
            "--state-db", state, "--from-savepoint", "latest");
        Assert.True(await resumed.WaitForExitAsync(TimeSpan.FromSeconds(60)), resumed.Output);

        Assert.Equal(ExitCodes.InvalidInput, resumed.ExitCode);
        var lines = resumed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines, l => l.Contains("Cannot restore 'latest'", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("[ERROR]", StringComparison.Ordinal) || l.StartsWith("[WARNING]", StringComparison.Ordinal));
        Assert.Contains("no completed checkpoint or savepoint for job 'clicks'", resumed.Output);
        Assert.DoesNotContain("   at ", resumed.Output);
    }
}
