using ActorStream.Graph.Operators;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.Sources;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.Operators;

public sealed class SourceOperatorTests
{
    [Fact]
    public void CollectionSource_should_emit_every_element_in_order_without_timestamp_then_the_final_watermark()
    {
        var harness = SourceOperatorHarness<string>.Create(new CollectionSource<string>(["a", "b", "c"])).Open();

        var polls = harness.RunToEnd();

        Assert.Equal(4, polls);
        Assert.Equal(
            [
                new RecordEmitted("a", StreamRecord<string>.NoTimestamp), new RecordEmitted("b", StreamRecord<string>.NoTimestamp),
                new RecordEmitted("c", StreamRecord<string>.NoTimestamp), new WatermarkEmitted(long.MaxValue),
            ],
            harness.Output.Events);
    }

    [Fact]
    public void EmitNext_should_report_more_available_per_element_and_then_end_of_input()
    {
        var harness = SourceOperatorHarness<int>.Create(new CollectionSource<int>([1, 2])).Open();

        InputStatus[] statuses = [harness.EmitNext(), harness.EmitNext(), harness.EmitNext()];

        Assert.Equal([InputStatus.MoreAvailable, InputStatus.MoreAvailable, InputStatus.EndOfInput], statuses);
        Assert.Equal([1, 2], harness.Values);
        Assert.Empty(harness.Output.Watermarks);
    }

    [Fact]
    public void Close_should_dispose_the_reader_even_when_the_input_has_not_ended()
    {
        var items = new DisposalTrackingSequence<int>(1, 2, 3);
        var harness = SourceOperatorHarness<int>.Create(new CollectionSource<int>(items)).Open();
        harness.EmitNext();

        harness.Close();

        Assert.Equal(1, items.Disposed);
        Assert.Equal([1], harness.Values);
    }

    [Fact]
    public void A_source_without_a_timestamp_assigner_should_keep_the_source_timestamps()
    {
        var harness = SourceOperatorHarness<string>.Create(new TimestampedSource<string>(("a", 1000), ("b", 900))).Open();

        harness.RunToEnd();

        Assert.Equal([new StreamRecord<string>("a", 1000), new StreamRecord<string>("b", 900)], harness.Output.Records);
    }

    [Theory]
    [InlineData(0, new long[] { 1, 2, 3 })]
    [InlineData(1, new long[] { 4, 5, 6 })]
    [InlineData(2, new long[] { 7, 8, 9, 10 })]
    public void NumberSequenceSource_should_give_each_subtask_one_contiguous_share(int subtaskIndex, long[] expected)
    {
        var harness = SourceOperatorHarness<long>.Create(new NumberSequenceSource(1, 10),
            context: OperatorContext.ForTest(subtaskIndex: subtaskIndex, parallelism: 3)).Open();

        harness.RunToEnd();

        Assert.Equal(expected, harness.Values);
    }

    [Fact]
    public void FromSequence_should_build_a_source_operator_reading_the_whole_range_on_one_subtask()
    {
        var env = StreamExecutionEnvironment.Create();
        var harness = SourceOperatorHarness<long>.ForStream(env.FromSequence(-2, 2)).Open();

        harness.RunToEnd();

        Assert.Equal([-2L, -1, 0, 1, 2], harness.Values);
        Assert.Equal(Boundedness.Bounded, harness.Operator.Boundedness);
        Assert.False(harness.Operator.EmitsWatermarks);
    }

    private sealed class ContextCapturingSource : ISource<int>
    {
        public SourceReaderContext? Context { get; private set; }

        public Boundedness Boundedness => Boundedness.ContinuousUnbounded;

        public ISourceReader<int> CreateReader(SourceReaderContext context)
        {
            Context = context;
            return new CollectionSource<int>([]).CreateReader(context);
        }
    }

    [Fact]
    public void Open_should_create_the_reader_with_the_subtask_index_parallelism_and_clock()
    {
        var source = new ContextCapturingSource();
        var context = OperatorContext.ForTest(subtaskIndex: 1, parallelism: 4);
        var harness = SourceOperatorHarness<int>.Create(source, context: context);

        harness.Open();

        Assert.Equal(new SourceReaderContext(1, 4, context.TimeProvider), source.Context);
        Assert.Equal(Boundedness.ContinuousUnbounded, harness.Operator.Boundedness);
    }
}
