using ActorStream.Actors.Subtasks;
using ActorStream.Graph;

namespace ActorStream.Actors.Tests;

public sealed class SubtaskMailboxSpecs
{
    private int _wakeUps;
    private readonly ActorProcessingTimeService _time = new(new ManualTimeProvider(), _ => { }, () => { });

    private SubtaskMailbox Mailbox() => new(() => Interlocked.Increment(ref _wakeUps), _time);

    [Fact]
    public void Mail_posted_before_the_subtask_runs_it_should_cost_one_wake_up()
    {
        var mailbox = Mailbox();
        var ran = new List<int>();

        for (var i = 0; i < 100; i++)
        {
            var mail = i;
            mailbox.Post(() => ran.Add(mail));
        }
        Assert.Equal(1, _wakeUps);
        mailbox.RunAll();
        mailbox.Post(() => ran.Add(100));

        Assert.Equal(2, _wakeUps);
        mailbox.RunAll();
        Assert.Equal(Enumerable.Range(0, 101), ran);
    }

    [Fact]
    public async Task Yield_should_block_until_mail_from_another_thread_arrives_and_run_it_on_the_yielding_thread()
    {
        var mailbox = Mailbox();
        var yieldingThread = 0;
        var mailThread = -1;

        var yielding = Task.Run(() =>
        {
            yieldingThread = Environment.CurrentManagedThreadId;
            mailbox.Yield();
        });
        mailbox.Post(() => mailThread = Environment.CurrentManagedThreadId);
        await yielding.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(yieldingThread, mailThread);
    }

    [Fact]
    public void Yield_should_fire_a_due_processing_time_callback_when_no_mail_waits()
    {
        var mailbox = Mailbox();
        var fired = new List<long>();
        var now = _time.CurrentProcessingTime;
        _time.ScheduleAt(now, t => fired.Add(t));

        mailbox.Yield();

        Assert.Equal([now], fired);
    }

    [Fact]
    public void Mail_of_an_operator_should_fail_in_the_operator_s_name()
    {
        var mailbox = Mailbox();
        mailbox.For("enrich").Post(() => throw new InvalidDataException("bad"));

        var error = Assert.Throws<OperatorException>(mailbox.RunAll);

        Assert.Equal("enrich", error.OperatorName);
        Assert.IsType<InvalidDataException>(error.InnerException);
    }
}
