using ActorStream.Graph.Operators;

namespace ActorStream.Graph;

/// <summary>Runs co-map and co-flatMap functions as co-process functions, so one operator serves all three.</summary>
internal static class CoFunctionAdapters
{
    public sealed class CoMap<TIn1, TIn2, TOut>(ICoMapFunction<TIn1, TIn2, TOut> map) : CoProcessFunction<TIn1, TIn2, TOut>
    {
        // The factory builds one adapter per subtask around that subtask's copy of the user function.
        public override void Open() => FunctionCopies.Open(map, RuntimeContext);

        public override void Close() => FunctionCopies.Close(map);

        public override void ProcessElement1(TIn1 value, Context context, ICollector<TOut> output) => output.Collect(map.Map1(value));

        public override void ProcessElement2(TIn2 value, Context context, ICollector<TOut> output) => output.Collect(map.Map2(value));
    }

    public sealed class CoFlatMap<TIn1, TIn2, TOut>(ICoFlatMapFunction<TIn1, TIn2, TOut> flatMap) : CoProcessFunction<TIn1, TIn2, TOut>
    {
        // The factory builds one adapter per subtask around that subtask's copy of the user function.
        public override void Open() => FunctionCopies.Open(flatMap, RuntimeContext);

        public override void Close() => FunctionCopies.Close(flatMap);

        public override void ProcessElement1(TIn1 value, Context context, ICollector<TOut> output) => flatMap.FlatMap1(value, output);

        public override void ProcessElement2(TIn2 value, Context context, ICollector<TOut> output) => flatMap.FlatMap2(value, output);
    }

    public sealed class LambdaCoMap<TIn1, TIn2, TOut>(Func<TIn1, TOut> map1, Func<TIn2, TOut> map2) : ICoMapFunction<TIn1, TIn2, TOut>
    {
        public TOut Map1(TIn1 value) => map1(value);

        public TOut Map2(TIn2 value) => map2(value);
    }

    public sealed class LambdaCoFlatMap<TIn1, TIn2, TOut>(Action<TIn1, ICollector<TOut>> flatMap1, Action<TIn2, ICollector<TOut>> flatMap2)
        : ICoFlatMapFunction<TIn1, TIn2, TOut>
    {
        public void FlatMap1(TIn1 value, ICollector<TOut> output) => flatMap1(value, output);

        public void FlatMap2(TIn2 value, ICollector<TOut> output) => flatMap2(value, output);
    }
}
