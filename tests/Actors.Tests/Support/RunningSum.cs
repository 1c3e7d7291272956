using ActorStream.Graph;

namespace ActorStream.Actors.Tests.Support;

/// <summary>Emits the running sum of its key after every element; throws once where <c>failAt</c> says so.</summary>
public sealed class RunningSum(Func<long, bool> failAt) : KeyedProcessFunction<long, long, (long Key, long Sum)>
{
    private IValueState<long> _sum = null!;

    /// <summary>A running sum that never fails.</summary>
    public RunningSum() : this(_ => false) { }

    public override void Open() => _sum = RuntimeContext.GetState(new ValueStateDescriptor<long>("sum"));

    public override void ProcessElement(long value, Context context, ICollector<(long Key, long Sum)> output)
    {
        if (failAt(value))
            throw new InvalidOperationException($"injected failure at {value}");
        var sum = _sum.Value() + value;
        _sum.Update(sum);
        output.Collect((context.CurrentKey, sum));
    }
}
