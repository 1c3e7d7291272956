namespace ActorStream.Graph.Tests.Async;

public sealed class AsyncRichFunctionTests
{
    /// <summary>Logs its lifecycle; answers with the subtask that ran it.</summary>
    private sealed class SubtaskLookup(List<string> log) : RichAsyncFunction<int, string>
    {
        private string _client = "";

        public override void Open()
        {
            _client = $"client of {RuntimeContext.TaskName} {RuntimeContext.IndexOfThisSubtask}/{RuntimeContext.NumberOfParallelSubtasks}";
            log.Add($"open {_client}");
        }

        public override Task<IEnumerable<string>> InvokeAsync(int input, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<string>>([$"{input} via {_client}"]);

        public override IEnumerable<string> Timeout(int input) => [$"{input} timed out"];

        public override void Close() => log.Add($"close {_client}");
    }

    [Fact]
    public void A_rich_async_function_should_be_opened_per_subtask_with_its_runtime_context_and_closed()
    {
        var log = new List<string>();
        var function = new SubtaskLookup(log);
        var harness = Harnesses.For<int, string>(s => AsyncDataStream.OrderedWait(s, function, TimeSpan.FromSeconds(1)),
            OperatorHarness.Subtask(1, 3)).Open();

        harness.ProcessElement(7);
        harness.EndInput();
        harness.Close();

        Assert.Equal(["7 via client of test 1/3"], harness.Values);
        Assert.Equal(["open client of test 1/3", "close client of test 1/3"], log);
    }

    [Fact]
    public void A_rich_async_function_should_be_able_to_answer_timeouts()
    {
        var function = new NeverAnswering();
        var harness = Harnesses.For<int, string>(s => AsyncDataStream.UnorderedWait(s, function, TimeSpan.FromMilliseconds(100)),
            OperatorHarness.Subtask()).Open();
        harness.ProcessElement(3);

        harness.Clock.AdvanceTo(100);

        Assert.Equal(["3 timed out"], harness.Values);
    }

    private sealed class NeverAnswering : RichAsyncFunction<int, string>
    {
        public override Task<IEnumerable<string>> InvokeAsync(int input, CancellationToken cancellationToken) =>
            new TaskCompletionSource<IEnumerable<string>>().Task;

        public override IEnumerable<string> Timeout(int input) => [$"{input} timed out"];
    }
}
