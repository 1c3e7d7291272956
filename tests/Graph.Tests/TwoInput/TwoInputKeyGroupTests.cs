using ActorStream.Graph.Keys;
using ActorStream.Graph.Operators;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.TwoInput;

/// <summary>
/// Keyed two-input operators take the key groups each input's keyed edge carries when the sender computed them with
/// that input's own key selector, as the keyed one-input operators do: no key is hashed again, and the results are
/// those of records one by one.
/// </summary>
public sealed class TwoInputKeyGroupTests
{
    private sealed record Price(CountedKey Key, long Value);

    private sealed record Order(CountedKey Key, long Quantity);

    private static readonly Func<Price, CountedKey> PriceKey = price => price.Key;
    private static readonly Func<Order, CountedKey> OrderKey = order => order.Key;

    private static StreamRecord<Price>[] Prices(HashCounter keys) =>
        [.. Enumerable.Range(0, 7).Select(i => new StreamRecord<Price>(new Price(keys.Key(i), 10 + i), i))];

    private static StreamRecord<Order>[] Orders(HashCounter keys) =>
        [.. Enumerable.Range(0, 40).Select(i => new StreamRecord<Order>(new Order(keys.Key(i % 9), i), 10 + i))];

    private static int[] Groups<T>(StreamRecord<T>[] records, Func<T, CountedKey> key) =>
        [.. records.Select(r => KeyGroupRangeAssignment.AssignToKeyGroup(key(r.Value), KeyGroupRangeAssignment.DefaultMaxParallelism))];

    /// <summary>Prices then orders as two batches, with key groups computed by the given selectors (null: none); the hashes the operator made and its results.</summary>
    private static List<string> Run(Delegate? priceSelector, Delegate? orderSelector)
    {
        var op = new KeyedCoProcessOperator<CountedKey, Price, Order, string>(new Cost(), PriceKey, OrderKey);
        var output = new CollectingOutput<string>();
        op.Setup(OperatorContext.ForTest(), output);
        op.Open();
        var keys = new HashCounter();
        var (prices, orders) = (Prices(keys), Orders(keys));
        var (priceGroups, orderGroups) = (Groups(prices, PriceKey), Groups(orders, OrderKey));
        var (first, second) = ((IInput<Price>)op.Input(0), (IInput<Order>)op.Input(1));
        var hashedBefore = keys.Hashes;

        if (priceSelector is null)
            first.ProcessBatch(prices);
        else
            first.ProcessBatch(prices, new BatchKeyGroups(priceGroups, priceSelector));
        if (orderSelector is null)
            second.ProcessBatch(orders);
        else
            second.ProcessBatch(orders, new BatchKeyGroups(orderGroups, orderSelector));
        var hashes = keys.Hashes - hashedBefore;
        op.ProcessWatermark1(long.MaxValue);
        op.ProcessWatermark2(long.MaxValue);
        return [$"hashes:{hashes}", .. output.Values.Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void Carried_key_groups_of_each_inputs_own_selector_should_spare_every_hash_and_give_the_same_results()
    {
        var oneByOne = Run(null, null);
        var carried = Run(PriceKey, OrderKey);

        Assert.Equal("hashes:47", oneByOne[0]);
        Assert.Equal("hashes:0", carried[0]);
        // Keys 0-6 have a price and orders; keys 7 and 8 only orders.
        Assert.Equal(["0:10x(0+9+18+27+36)", "1:11x(1+10+19+28+37)", "7:unpriced x4", "8:unpriced x4"],
            oneByOne.Skip(1).Where(line => line[0] is '0' or '1' or '7' or '8'));
        Assert.Equal(oneByOne.Skip(1), carried.Skip(1));
    }

    [Fact]
    public void Key_groups_of_another_selector_should_be_ignored()
    {
        Func<Order, CountedKey> other = order => order.Key;

        var carried = Run(PriceKey, other);

        Assert.Equal("hashes:40", carried[0]);
        Assert.Equal(Run(null, null).Skip(1), carried.Skip(1));
    }

    /// <summary>Per key: the price from input 1 and the orders from input 2, reported at the end of input.</summary>
    private sealed class Cost : KeyedCoProcessFunction<CountedKey, Price, Order, string>
    {
        private IValueState<long?> _price = null!;
        private IListState<long> _orders = null!;

        public override void Open()
        {
            _price = RuntimeContext.GetState(new ValueStateDescriptor<long?>("price"));
            _orders = RuntimeContext.GetListState(new ListStateDescriptor<long>("orders"));
        }

        public override void ProcessElement1(Price value, Context context, ICollector<string> output)
        {
            _price.Update(value.Value);
            context.TimerService.RegisterEventTimeTimer(1_000);
        }

        public override void ProcessElement2(Order value, Context context, ICollector<string> output)
        {
            _orders.Add(value.Quantity);
            context.TimerService.RegisterEventTimeTimer(1_000);
        }

        public override void OnTimer(long timestamp, OnTimerContext context, ICollector<string> output)
        {
            var orders = _orders.Get().ToList();
            output.Collect(_price.TryGetValue(out var price) && price is { } p
                ? $"{context.CurrentKey.Id}:{p}x({string.Join('+', orders)})"
                : $"{context.CurrentKey.Id}:unpriced x{orders.Count}");
        }
    }
}
