namespace ActorStream.Examples.Demo;

/// <summary>
/// A deterministic shop of products with Zipf-distributed popularity: the product of rank r is viewed
/// in proportion to 1 / r^s, so a handful of best sellers lead and a long tail follows.
/// </summary>
public sealed class ProductCatalog
{
    /// <summary>Departments: brands that sell in them, and product kinds with a typical price.</summary>
    private static readonly (string[] Brands, (string Title, decimal Price)[] Kinds)[] Departments =
    [
        (["Anker", "Logitech", "Sony", "Samsung", "Belkin", "UGREEN", "AmazonBasics", "Philips", "TP-Link"],
            [("USB-C Charger 65W", 35m), ("Wireless Earbuds", 79m), ("Bluetooth Speaker", 59m), ("Power Bank 20000mAh", 45m),
             ("HD Webcam", 69m), ("Noise Cancelling Headphones", 279m), ("Wireless Mouse", 29m), ("Portable SSD 1TB", 119m),
             ("HDMI Cable 2m", 12m), ("Mechanical Keyboard", 109m), ("Wi-Fi Mesh Router", 149m)]),
        (["Instant Pot", "Ninja", "OXO", "Lodge", "Tefal", "KitchenAid", "Cuisinart", "Zwilling", "Brita"],
            [("Air Fryer 5.5L", 129m), ("Pressure Cooker 6qt", 99m), ("Cast Iron Skillet 12in", 39m), ("Nonstick Pan Set", 89m),
             ("Salad Spinner", 32m), ("Chef's Knife 8in", 79m), ("Blender 1200W", 119m), ("Electric Kettle 1.7L", 49m),
             ("Water Filter Pitcher", 29m), ("Stand Mixer", 349m), ("Food Storage Set", 27m)]),
        (["Dyson", "Philips", "Xiaomi", "Shark", "Eufy", "Bosch", "Panasonic", "Honeywell", "AmazonBasics"],
            [("Cordless Vacuum", 399m), ("Robot Vacuum", 329m), ("Air Purifier", 199m), ("Smart Bulb 4-Pack", 49m),
             ("LED Light Strip 5m", 29m), ("Electric Toothbrush", 89m), ("Hair Dryer", 59m), ("Espresso Machine", 249m),
             ("Electric Shaver", 119m), ("Desk Lamp LED", 39m), ("Milk Frother", 69m)]),
        (["Nike", "Adidas", "Garmin", "Fitbit", "Hydro Flask", "Stanley", "Yeti", "Coleman", "Under Armour"],
            [("Running Shoes", 129m), ("Trail Sneakers", 109m), ("GPS Running Watch", 299m), ("Fitness Tracker", 99m),
             ("Water Bottle 32oz", 39m), ("Insulated Tumbler 40oz", 44m), ("Cooler 20qt", 249m), ("Camping Tent 4-Person", 159m),
             ("Yoga Mat", 35m), ("Gym Duffel Bag", 49m), ("Sports Socks 6-Pack", 22m)]),
        (["Lego", "Hasbro", "Mattel", "Ravensburger", "Melissa & Doug", "Nintendo", "Hot Wheels", "Crayola", "Funko"],
            [("Building Set", 59m), ("Board Game", 29m), ("Jigsaw Puzzle 1000pc", 19m), ("Wooden Activity Cube", 34m),
             ("Card Game", 12m), ("Collector Figure", 14m), ("Art Supplies Kit", 24m), ("Track Set", 39m),
             ("Plush Toy", 19m), ("Remote Control Car", 49m), ("Party Game", 25m)]),
        (["Levi's", "Crocs", "Carhartt", "Champion", "Hanes", "The North Face", "Columbia", "Ray-Ban", "Fossil"],
            [("Slim Fit Jeans", 69m), ("Classic Clogs", 49m), ("Beanie", 19m), ("Hoodie", 55m), ("Crew T-Shirt 3-Pack", 25m),
             ("Rain Jacket", 99m), ("Fleece Jacket", 79m), ("Sunglasses", 159m), ("Leather Watch", 129m),
             ("Backpack 28L", 89m), ("Work Gloves", 24m)]),
    ];

    private readonly double[] _cumulative;

    private ProductCatalog(IReadOnlyList<Product> products, double[] cumulative)
    {
        Products = products;
        _cumulative = cumulative;
    }

    /// <summary>The products, most popular first.</summary>
    public IReadOnlyList<Product> Products { get; }

    /// <summary>A catalog of <paramref name="size"/> products with Zipf exponent <paramref name="exponent"/>, the same for the same seed.</summary>
    public static ProductCatalog Create(int size = 500, double exponent = 1.0, int seed = 7)
    {
        var combinations = Departments
            .SelectMany(d => d.Brands.SelectMany(brand => d.Kinds.Select(kind => (Brand: brand, kind.Title, kind.Price))))
            .ToArray();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, combinations.Length);
        ArgumentOutOfRangeException.ThrowIfNegative(exponent);
        // A seeded System.Random yields the same sequence on every platform and run.
        var random = new Random(seed);
        random.Shuffle(combinations);
        var products = combinations.Take(size).Select(c =>
        {
            var brandFactor = 0.7m + random.Next(0, 80) / 100m;
            var price = Math.Max(4.99m, Math.Round(c.Price * brandFactor, 0) - 0.01m);
            return new Product($"{c.Brand} {c.Title}", price, Conversion: 0.5 + random.NextDouble());
        }).ToList();

        var cumulative = new double[size];
        var sum = 0.0;
        for (var rank = 0; rank < size; rank++)
            cumulative[rank] = sum += 1.0 / Math.Pow(rank + 1, exponent);
        for (var rank = 0; rank < size; rank++)
            cumulative[rank] /= sum;
        return new ProductCatalog(products, cumulative);
    }

    /// <summary>The product that a uniform draw <paramref name="uniform"/> in [0, 1) picks by popularity.</summary>
    public Product Sample(double uniform)
    {
        var index = Array.BinarySearch(_cumulative, uniform);
        // BinarySearch returns the complement of the first larger element when there is no exact match.
        index = index >= 0 ? index : ~index;
        return Products[Math.Min(index, Products.Count - 1)];
    }
}
