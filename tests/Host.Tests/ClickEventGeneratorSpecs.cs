using ActorStream.Examples.Clicks;
using ActorStream.Examples.Demo;

namespace ActorStream.Host.Tests;

public sealed class ClickEventGeneratorSpecs
{
    private static readonly ProductCatalog Catalog = ProductCatalog.Create(DemoClicksJob.Items);

    private static List<ClickEvent> Generate(int count)
    {
        var generator = new ClickEventGenerator(Catalog, DemoClicksJob.Users, 0, 1000);
        return Enumerable.Range(0, count).Select(i => generator.Generate(i, new Random(i))).ToList();
    }

    [Fact]
    public void Catalog_should_have_distinct_products_with_positive_prices_the_same_on_every_build()
    {
        Assert.Equal(DemoClicksJob.Items, Catalog.Products.Select(p => p.Name).Distinct().Count());
        Assert.All(Catalog.Products, p => Assert.True(p.Price > 0));
        Assert.Equal(Catalog.Products, ProductCatalog.Create(DemoClicksJob.Items).Products);
    }

    [Fact]
    public void Events_should_follow_the_action_mix_and_skewed_popularity_with_about_one_percent_malformed()
    {
        var events = Generate(100_000);

        var malformed = events.Count(e => !CleanClicks.IsValid(e)) / (double)events.Count;
        Assert.InRange(malformed, 0.007, 0.013);
        var valid = events.Where(CleanClicks.IsValid).ToList();
        Assert.InRange(valid.Count(e => e.Action == ClickEvent.Buy) / (double)valid.Count, 0.03, 0.07);
        Assert.InRange(valid.Count(e => e.Action == ClickEvent.Cart) / (double)valid.Count, 0.12, 0.18);
        var byItem = valid.GroupBy(e => e.Item).Select(g => g.Count()).OrderDescending().ToList();
        Assert.True(byItem.Take(10).Sum() > valid.Count / 4, "The top 10 items should draw a large share of the traffic.");
        Assert.True(valid.Select(e => e.User).Distinct().Count() > 1_900);
    }

    [Fact]
    public void An_event_should_depend_only_on_its_index_and_random_stream()
    {
        var generator = new ClickEventGenerator(Catalog, DemoClicksJob.Users, 1_000, 500);

        Assert.Equal(generator.Generate(42, new Random(9)), generator.Generate(42, new Random(9)));
        Assert.Equal(1_000 + 42 * 2, generator.Generate(42, new Random(9)).Ts);
    }

    [Fact]
    public void Event_times_should_follow_the_index_at_the_rate_up_to_the_delay_earlier()
    {
        var generator = new ClickEventGenerator(Catalog, DemoClicksJob.Users, 60_000, 100, maxDelayMillis: 500);

        var delays = Enumerable.Range(0, 10_000).Select(i => 60_000 + i * 10L - generator.Generate(i, new Random(i)).Ts).ToList();

        Assert.All(delays, d => Assert.InRange(d, 0, 500));
        Assert.InRange(delays.Average(), 200, 300);
    }
}
