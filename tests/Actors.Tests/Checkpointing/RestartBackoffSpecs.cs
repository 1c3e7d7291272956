using ActorStream.Actors.JobMaster;
using ActorStream.Actors.Tests.Support;
using ActorStream.Graph;

namespace ActorStream.Actors.Tests.Checkpointing;

public sealed class RestartBackoffSpecs
{
    [Fact]
    public void No_restart_should_give_up_at_the_first_failure() =>
        Assert.Null(new RestartBackoff(RestartStrategy.None, new SteppingTimeProvider()).OnFailure());

    [Fact]
    public void Fixed_delay_should_restart_the_given_number_of_times()
    {
        var backoff = new RestartBackoff(RestartStrategy.FixedDelay(2, TimeSpan.FromSeconds(3)), new SteppingTimeProvider());

        Assert.Equal(TimeSpan.FromSeconds(3), backoff.OnFailure());
        Assert.Equal(TimeSpan.FromSeconds(3), backoff.OnFailure());
        Assert.Null(backoff.OnFailure());
        Assert.Equal(2, backoff.Restarts);
    }

    [Fact]
    public void Failure_rate_should_give_up_when_too_many_failures_fall_in_the_interval()
    {
        var time = new SteppingTimeProvider();
        var backoff = new RestartBackoff(RestartStrategy.FailureRate(2, TimeSpan.FromMinutes(1), TimeSpan.Zero), time);

        Assert.NotNull(backoff.OnFailure());
        time.Advance(TimeSpan.FromSeconds(50));
        Assert.NotNull(backoff.OnFailure());
        time.Advance(TimeSpan.FromSeconds(20)); // the first failure left the interval
        Assert.NotNull(backoff.OnFailure());
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(backoff.OnFailure());
    }

    [Fact]
    public void Exponential_delay_should_grow_up_to_the_maximum_and_reset_after_a_healthy_run()
    {
        var time = new SteppingTimeProvider();
        var strategy = RestartStrategy.ExponentialDelay(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), 2.0, TimeSpan.FromMinutes(10), jitter: 0);
        var backoff = new RestartBackoff(strategy, time);

        Assert.Equal([1.0, 2.0, 4.0, 5.0, 5.0], Enumerable.Range(0, 5).Select(_ => backoff.OnFailure()!.Value.TotalSeconds));
        time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.OnFailure());
    }
}
