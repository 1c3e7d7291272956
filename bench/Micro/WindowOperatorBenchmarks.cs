using ActorStream.Bench.Nexmark.Queries.Functions;
using ActorStream.Graph;
using ActorStream.Graph.Keys;
using ActorStream.Graph.Operators;
using ActorStream.Graph.Plan;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.Windowing;
using BenchmarkDotNet.Attributes;

namespace ActorStream.Bench.Micro;

/// <summary>
/// The window operator alone, driven as the operator harnesses of tests/Graph.Tests drive it: a keyed tumbling 10 s
/// event-time window (or a 1 s event-time session window) counting records, fed 10 records per millisecond of event
/// time (the Nexmark generator's spacing) with a watermark every 1,000 records, so windows fire and are cleaned up as
/// they would in q5, q7 or q11. With 100 keys a key's sessions never close (a record every 10 ms extends them, a merge
/// per record); with 10,000 keys about a third of the records open a new session. Per record.
/// </summary>
[MemoryDiagnoser]
public class WindowOperatorBenchmarks
{
    private const int Records = 100_000;
    private const int WatermarkEvery = 1_000;

    private OneInputStreamOperator<(long Key, long Value), long> _operator = null!;
    private readonly CountingOutput<long> _output = new();
    private (long Key, long Value)[] _values = [];
    private long _time;

    /// <summary>Distinct keys per window.</summary>
    [Params(100, 10_000)]
    public int Keys { get; set; }

    /// <summary>The window assigner.</summary>
    [Params(WindowKind.Tumbling, WindowKind.Session)]
    public WindowKind Windows { get; set; }

    /// <summary>Creates the operator from its transformation, as a subtask does, and opens it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var stream = StreamExecutionEnvironment.Create()
            .FromCollection(Array.Empty<(long Key, long Value)>())
            .KeyBy(e => e.Key)
            .Window(Windows == WindowKind.Tumbling
                ? (WindowAssigner<TimeWindow>)TumblingEventTimeWindows.Of(TimeSpan.FromSeconds(10))
                : EventTimeSessionWindows.WithGap(TimeSpan.FromSeconds(1)))
            .Aggregate(new CountAggregate<(long Key, long Value)>());
        var transformation = (OneInputTransformation)stream.Transformation;
        _operator = (OneInputStreamOperator<(long Key, long Value), long>)transformation.CreateOperator(new PlanSettings());
        _operator.Setup(OperatorContext.ForTest(maxParallelism: KeyGroupRangeAssignment.DefaultMaxParallelism), _output);
        _operator.Open();
        var random = new Random(42);
        _values = Enumerable.Range(0, Records).Select(i => ((long)random.Next(Keys), (long)i)).ToArray();
    }

    /// <summary>Feeds every record with the next timestamp, emitting the bounded-out-of-orderness watermark periodically.</summary>
    [Benchmark(OperationsPerInvoke = Records)]
    public long ProcessRecords()
    {
        for (var i = 0; i < _values.Length; i++)
        {
            // Event time continues across invocations, 10 records per millisecond.
            var timestamp = _time++ / 10;
            _operator.ProcessElement(new StreamRecord<(long Key, long Value)>(_values[i], timestamp));
            if (i % WatermarkEvery == WatermarkEvery - 1)
                _operator.ProcessWatermark(timestamp - 4_001);
        }
        return _output.Records;
    }

    /// <summary>Closes the operator.</summary>
    [GlobalCleanup]
    public void Cleanup() => _operator.Close();

    /// <summary>The window assigners measured.</summary>
    public enum WindowKind
    {
        /// <summary>Tumbling 10 s event-time windows (q7, q8).</summary>
        Tumbling,

        /// <summary>Event-time sessions with a 1 s gap (q11's kind of window).</summary>
        Session,
    }

    /// <summary>Counts what the operator emits.</summary>
    private sealed class CountingOutput<T> : IOutput<T>
    {
        public long Records { get; private set; }

        public void Collect(in StreamRecord<T> record) => Records++;

        public void Collect<TSide>(OutputTag<TSide> tag, in StreamRecord<TSide> record) { }

        public void EmitWatermark(long watermark) { }
    }
}
