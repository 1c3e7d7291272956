using ActorStream.Graph.Operators;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.State;
using ActorStream.Graph.Tests.Harness;
using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Tests.Windowing;

/// <summary>Streams, harnesses and functions shared by the window tests. Elements are (key, value) pairs.</summary>
internal static class WindowTestKit
{
    /// <summary>A stream of (key, value) pairs keyed by key; the harness feeds it, the source is never run.</summary>
    public static KeyedStream<(string Key, long Value), string> Keyed() => Source().KeyBy(e => e.Key);

    /// <summary>A non-keyed stream of (key, value) pairs.</summary>
    public static DataStream<(string Key, long Value)> Source() =>
        StreamExecutionEnvironment.Create().FromCollection(Array.Empty<(string Key, long Value)>());

    /// <summary>A harness around a fresh instance of the window operator behind <paramref name="stream"/>, opened.</summary>
    public static OperatorHarness<(string Key, long Value), TOut> HarnessOf<TOut>(DataStream<TOut> stream, IProcessingTimeService? clock = null) =>
        OperatorHarness.ForStream<(string Key, long Value), TOut>(stream, OperatorContext.ForTest(processingTime: clock)).Open();

    /// <summary>Milliseconds as a TimeSpan.</summary>
    public static TimeSpan Ms(long millis) => TimeSpan.FromMilliseconds(millis);

    /// <summary>Adds the values of two pairs of the same key.</summary>
    public static (string Key, long Value) Sum((string Key, long Value) a, (string Key, long Value) b) => (a.Key, a.Value + b.Value);

    /// <summary>A main-output record.</summary>
    public static StreamRecord<T> At<T>(T value, long timestamp) => new(value, timestamp);

    /// <summary>How many (key, state) entries the backend holds over all its states.</summary>
    public static int StateEntries<TKey>(HeapKeyedStateBackend<TKey> backend) where TKey : notnull => backend.Tables.Sum(t => t.Count);

    /// <summary>Feeds each (key, value, timestamp) in order.</summary>
    public static void Feed<TOut>(this OperatorHarness<(string Key, long Value), TOut> harness, params (string Key, long Value, long Timestamp)[] elements)
    {
        foreach (var (key, value, timestamp) in elements)
            harness.ProcessElement((key, value), timestamp);
    }
}

/// <summary>Emits "key:start-end:v1,v2,..." for a time window with its elements in order.</summary>
internal sealed class DescribeWindow : ProcessWindowFunction<(string Key, long Value), string, string, TimeWindow>
{
    public override void Process(string key, Context context, IEnumerable<(string Key, long Value)> elements, ICollector<string> output) =>
        output.Collect($"{key}:{context.Window.Start}-{context.Window.End}:{string.Join(",", elements.Select(e => e.Value))}");
}

/// <summary>Emits the values of any window's elements, comma-separated, in order.</summary>
internal sealed class JoinValues<W> : ProcessWindowFunction<(string Key, long Value), string, string, W> where W : Window
{
    public override void Process(string key, Context context, IEnumerable<(string Key, long Value)> elements, ICollector<string> output) =>
        output.Collect(string.Join(",", elements.Select(e => e.Value)));
}

/// <summary>The average of the values, with an accumulator that merges (for session windows).</summary>
internal sealed class Average : IAggregateFunction<(string Key, long Value), (long Sum, long Count), double>
{
    public (long Sum, long Count) CreateAccumulator() => (0, 0);

    public (long Sum, long Count) Add((string Key, long Value) value, (long Sum, long Count) accumulator) =>
        (accumulator.Sum + value.Value, accumulator.Count + 1);

    public double GetResult((long Sum, long Count) accumulator) => (double)accumulator.Sum / accumulator.Count;

    public (long Sum, long Count) Merge((long Sum, long Count) a, (long Sum, long Count) b) => (a.Sum + b.Sum, a.Count + b.Count);
}
