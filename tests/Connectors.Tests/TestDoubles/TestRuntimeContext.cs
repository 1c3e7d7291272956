using ActorStream.Graph;

namespace ActorStream.Connectors.Tests.TestDoubles;

/// <summary>The runtime context of an unkeyed subtask, without a runtime.</summary>
internal sealed class TestRuntimeContext(int subtask = 0, int parallelism = 1) : IRuntimeContext
{
    private readonly Dictionary<string, Counter> _counters = [];

    public string TaskName => "Test";

    public int IndexOfThisSubtask => subtask;

    public int NumberOfParallelSubtasks => parallelism;

    public int MaxNumberOfParallelSubtasks => 128;

    public RuntimeExecutionMode RuntimeMode => RuntimeExecutionMode.Batch;

    public ICounter GetCounter(string name) =>
        _counters.TryGetValue(name, out var counter) ? counter : _counters[name] = new Counter();

    public IValueState<T> GetState<T>(ValueStateDescriptor<T> descriptor) => throw NotKeyed();

    public IListState<T> GetListState<T>(ListStateDescriptor<T> descriptor) => throw NotKeyed();

    public IMapState<TKey, TValue> GetMapState<TKey, TValue>(MapStateDescriptor<TKey, TValue> descriptor) where TKey : notnull =>
        throw NotKeyed();

    public IReducingState<T> GetReducingState<T>(ReducingStateDescriptor<T> descriptor) => throw NotKeyed();

    public IAggregatingState<TIn, TOut> GetAggregatingState<TIn, TAcc, TOut>(AggregatingStateDescriptor<TIn, TAcc, TOut> descriptor) =>
        throw NotKeyed();

    /// <summary>A sink context for subtask <paramref name="subtask"/> of <paramref name="parallelism"/>.</summary>
    public static SinkContext SinkContext(int subtask = 0, int parallelism = 1) =>
        new("Sink", subtask, parallelism, new TestRuntimeContext(subtask, parallelism));

    private static InvalidOperationException NotKeyed() => new("Keyed state is only available on keyed streams.");

    private sealed class Counter : ICounter
    {
        public long Count { get; private set; }

        public void Add(long delta = 1) => Count += delta;
    }
}
