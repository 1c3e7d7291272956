namespace ActorStream.Graph;

/// <summary>Adapters that let lambdas stand where function interfaces are expected.</summary>
internal static class LambdaFunctions
{
    public sealed class MapFn<TIn, TOut>(Func<TIn, TOut> map) : IMapFunction<TIn, TOut>
    {
        public TOut Map(TIn value) => map(value);
    }

    public sealed class FlatMapFn<TIn, TOut>(Action<TIn, ICollector<TOut>> flatMap) : IFlatMapFunction<TIn, TOut>
    {
        public void FlatMap(TIn value, ICollector<TOut> output) => flatMap(value, output);
    }

    public sealed class FlatMapEnumerableFn<TIn, TOut>(Func<TIn, IEnumerable<TOut>> flatMap) : IFlatMapFunction<TIn, TOut>
    {
        public void FlatMap(TIn value, ICollector<TOut> output)
        {
            foreach (var item in flatMap(value))
                output.Collect(item);
        }
    }

    public sealed class FilterFn<T>(Func<T, bool> filter) : IFilterFunction<T>
    {
        public bool Filter(T value) => filter(value);
    }

    public sealed class ReduceFn<T>(Func<T, T, T> reduce) : IReduceFunction<T>
    {
        public T Reduce(T accumulated, T value) => reduce(accumulated, value);
    }
}
