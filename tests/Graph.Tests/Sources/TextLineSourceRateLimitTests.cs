using System.Text;
using ActorStream.Graph.Operators;
using ActorStream.Graph.Sources;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.Sources;

public sealed class TextLineSourceRateLimitTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("graph-rate-");
    private readonly ManualTimeProvider _clock = new();

    public TextLineSourceRateLimitTests()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "a.txt"), string.Join('\n', Enumerable.Range(0, 300).Select(i => $"a{i}")));
        File.WriteAllText(Path.Combine(_dir.FullName, "b.txt"), "b0\nb1\n", Encoding.UTF8);
    }

    public void Dispose() => _dir.Delete(recursive: true);

    private (ISourceReader<string> Reader, List<string> Lines, ISourceOutput<string> Output) Open(double rate, int subtask = 0, int parallelism = 1)
    {
        var lines = new List<string>();
        var reader = new TextLineSource(_dir.FullName, rate).CreateReader(new SourceReaderContext(subtask, parallelism, _clock));
        return (reader, lines, new ListOutput(lines));
    }

    [Fact]
    public void Throttled_reader_should_report_nothing_available_and_wait_on_the_clock_for_its_share_of_the_rate()
    {
        // 10 lines/s over 2 subtasks: 5/s each, one every 200 ms.
        var (reader, lines, output) = Open(rate: 10, subtask: 0, parallelism: 2);

        Assert.Equal(InputStatus.MoreAvailable, reader.PollNext(output));
        Assert.Equal(InputStatus.NothingAvailable, reader.PollNext(output));
        var wait = reader.WaitForAvailabilityAsync(CancellationToken.None);

        Assert.Equal(["a0"], lines);
        Assert.False(wait.IsCompleted);
        Assert.Equal([TimeSpan.FromMilliseconds(200)], _clock.PendingTimers());
        _clock.Advance(TimeSpan.FromMilliseconds(199));
        Assert.False(wait.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(wait.IsCompletedSuccessfully);
        Assert.Equal(InputStatus.MoreAvailable, reader.PollNext(output));
        Assert.Equal(InputStatus.NothingAvailable, reader.PollNext(output));
        Assert.Equal(["a0", "a1"], lines);
    }

    [Fact]
    public void Throttled_reader_should_emit_exactly_the_permits_that_fell_due()
    {
        var (reader, lines, output) = Open(rate: 100);
        reader.PollNext(output);

        _clock.Advance(TimeSpan.FromMilliseconds(500));
        while (reader.PollNext(output) == InputStatus.MoreAvailable) { }

        // The first line, then one every 10 ms for 500 ms.
        Assert.Equal(1 + 50, lines.Count);
        Assert.Equal(Enumerable.Range(0, 51).Select(i => $"a{i}"), lines);
    }

    [Fact]
    public void Throttled_reader_should_still_end_after_its_last_file()
    {
        var (reader, lines, output) = Open(rate: 1000, subtask: 1, parallelism: 2);

        var statuses = new List<InputStatus>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add(reader.PollNext(output));
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal([InputStatus.MoreAvailable, InputStatus.MoreAvailable, InputStatus.EndOfInput, InputStatus.EndOfInput], statuses);
        Assert.Equal(["b0", "b1"], lines);
    }

    [Fact]
    public void ReadTextFile_should_throttle_its_source_to_the_given_rate_and_reject_a_bad_one()
    {
        var env = StreamExecutionEnvironment.Create();
        var stream = env.ReadTextFile(_dir.FullName, recordsPerSecond: 250);
        var harness = SourceOperatorHarness<string>.ForStream(stream, context: OperatorContext.ForTest() with { TimeProvider = _clock }).Open();

        InputStatus[] statuses = [harness.EmitNext(), harness.EmitNext()];
        _clock.Advance(TimeSpan.FromMilliseconds(4));

        Assert.Equal([InputStatus.MoreAvailable, InputStatus.NothingAvailable], statuses);
        Assert.Equal(InputStatus.MoreAvailable, harness.EmitNext());
        Assert.Equal(["a0", "a1"], harness.Values);
        Assert.Throws<ArgumentOutOfRangeException>(() => env.ReadTextFile(_dir.FullName, recordsPerSecond: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextLineSource(_dir.FullName, double.PositiveInfinity));
    }

    private sealed class ListOutput(List<string> lines) : ISourceOutput<string>
    {
        public void Collect(string value) => lines.Add(value);

        public void Collect(string value, long timestamp) => lines.Add(value);
    }
}
