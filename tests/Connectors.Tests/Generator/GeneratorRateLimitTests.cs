using ActorStream.Connectors.Generator;
using ActorStream.Connectors.Tests.TestDoubles;
using ActorStream.Graph;

namespace ActorStream.Connectors.Tests.Generator;

public sealed class GeneratorRateLimitTests
{
    private readonly ManualTimeProvider _clock = new();
    private readonly CollectingOutput<long> _output = new();

    private ISourceReader<long> Reader(double recordsPerSecond, int subtask = 0, int parallelism = 1, long? count = null) =>
        new GeneratorSource<long>(count, i => i, recordsPerSecond).CreateReader(new SourceReaderContext(subtask, parallelism, _clock));

    [Fact]
    public void Rate_limited_reader_should_wait_on_the_clock_until_the_next_record_is_due()
    {
        using var reader = Reader(recordsPerSecond: 10);

        Assert.Equal(InputStatus.MoreAvailable, reader.PollNext(_output));
        Assert.Equal(InputStatus.NothingAvailable, reader.PollNext(_output));
        var wait = reader.WaitForAvailabilityAsync(CancellationToken.None);

        Assert.Equal([0L], _output.Values);
        Assert.False(wait.IsCompleted);
        Assert.Equal([TimeSpan.FromMilliseconds(100)], _clock.PendingTimers());
        _clock.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(wait.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(wait.IsCompletedSuccessfully);
        Assert.Equal(InputStatus.MoreAvailable, reader.PollNext(_output));
        Assert.Equal([0L, 1], _output.Values);
    }

    [Fact]
    public void Each_subtask_should_get_its_share_of_the_rate_in_bursts_of_at_most_64()
    {
        // 1000 records/s over 4 subtasks: 250/s, one every 4 ms.
        using var reader = Reader(recordsPerSecond: 1000, subtask: 2, parallelism: 4);
        reader.PollNext(_output);
        _clock.Advance(TimeSpan.FromSeconds(1));

        var bursts = new List<int>();
        for (var before = _output.Values.Count; reader.PollNext(_output) == InputStatus.MoreAvailable; before = _output.Values.Count)
            bursts.Add(_output.Values.Count - before);

        Assert.Equal([64, 64, 64, 58], bursts);
        Assert.Equal(251, _output.Values.Count);
        Assert.Equal(Enumerable.Range(0, 251).Select(k => 2 + 4L * k), _output.Values);
        _ = reader.WaitForAvailabilityAsync(CancellationToken.None);
        // The next record is due in 4 ms, but the reader waits the minimum 10 ms to batch up wake-ups.
        Assert.Equal([TimeSpan.FromMilliseconds(10)], _clock.PendingTimers());
    }

    [Fact]
    public void Reader_that_fell_behind_should_catch_up_at_most_one_second_of_records()
    {
        using var reader = Reader(recordsPerSecond: 10);
        reader.PollNext(_output);
        _clock.Advance(TimeSpan.FromSeconds(10));

        while (reader.PollNext(_output) == InputStatus.MoreAvailable) { }

        Assert.Equal(1 + 11, _output.Values.Count);
    }

    [Fact]
    public void Rate_limited_bounded_reader_should_end_after_its_share()
    {
        using var reader = Reader(recordsPerSecond: 100, count: 3);

        var statuses = new List<InputStatus>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add(reader.PollNext(_output));
            _clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.Equal([InputStatus.MoreAvailable, InputStatus.MoreAvailable, InputStatus.MoreAvailable, InputStatus.EndOfInput], statuses);
        Assert.Equal([0L, 1, 2], _output.Values);
    }

    [Fact]
    public void Unlimited_reader_should_always_be_available()
    {
        using var reader = new GeneratorSource<long>(null, i => i).CreateReader(new SourceReaderContext(0, 1, _clock));

        Assert.Equal(InputStatus.MoreAvailable, reader.PollNext(_output));
        Assert.Equal(InputStatus.MoreAvailable, reader.PollNext(_output));

        Assert.True(reader.WaitForAvailabilityAsync(CancellationToken.None).IsCompletedSuccessfully);
        Assert.Equal(2 * GeneratorReader<long>.MaxBurst, _output.Values.Count);
    }

    [Fact]
    public void Waiting_should_end_when_cancelled()
    {
        using var reader = Reader(recordsPerSecond: 1);
        reader.PollNext(_output);
        reader.PollNext(_output);
        using var cancellation = new CancellationTokenSource();

        var wait = reader.WaitForAvailabilityAsync(cancellation.Token);
        cancellation.Cancel();

        Assert.True(wait.IsCanceled);
    }
}
