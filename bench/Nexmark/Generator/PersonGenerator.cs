using System.Globalization;
using ActorStream.Bench.Nexmark.Model;

namespace ActorStream.Bench.Nexmark.Generator;

/// <summary>Generates persons and picks person ids, as the reference's PersonGenerator.</summary>
internal static class PersonGenerator
{
    /// <summary>How many not-yet-created person ids a random pick may reach ahead.</summary>
    private const int PersonIdLead = 10;

    // Few states and cities, so that queries filtering on them find results even in small runs.
    private static readonly string[] UsStates = ["AZ", "CA", "ID", "OR", "WA", "WY"];

    private static readonly string[] UsCities =
        ["Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland", "Bend", "Redmond", "Seattle", "Kent", "Cheyenne"];

    private static readonly string[] FirstNames =
        ["Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie", "Sarah", "Deiter", "Walter"];

    private static readonly string[] LastNames = ["Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton", "Smith", "Jones", "Noris"];

    /// <summary>The person of event <paramref name="eventId"/>, with the next person id.</summary>
    public static Person NextPerson(long eventId, ref JavaRandom random, long timestamp, GeneratorConfig config)
    {
        var id = LastBase0PersonId(config, eventId) + GeneratorConfig.FirstPersonId;
        var name = string.Concat(FirstNames[random.NextInt(FirstNames.Length)], " ", LastNames[random.NextInt(LastNames.Length)]);
        var email = string.Concat(StringsGenerator.NextString(ref random, 7), "@", StringsGenerator.NextString(ref random, 5), ".com");
        var creditCard = NextCreditCard(ref random);
        var city = UsCities[random.NextInt(UsCities.Length)];
        var state = UsStates[random.NextInt(UsStates.Length)];
        var currentSize = 8 + name.Length + email.Length + creditCard.Length + city.Length + state.Length;
        var extra = StringsGenerator.NextExtra(ref random, currentSize, config.AvgPersonByteSize);
        return new Person(id, name, email, creditCard, city, state, timestamp, extra);
    }

    /// <summary>
    /// A random recent person (base 0): one of the last <see cref="GeneratorConfig.NumActivePeople"/>, or a few ahead of
    /// the newest, so that bids and auctions per person stay dense in long runs and some precede their person.
    /// </summary>
    public static long NextBase0PersonId(long eventId, ref JavaRandom random, GeneratorConfig config)
    {
        var numPeople = LastBase0PersonId(config, eventId) + 1;
        var activePeople = Math.Min(numPeople, config.NumActivePeople);
        var n = LongGenerator.NextLong(ref random, activePeople + PersonIdLead);
        return numPeople - activePeople + n;
    }

    /// <summary>The newest person id (base 0) at event <paramref name="eventId"/>; the event's own when it is a person.</summary>
    public static long LastBase0PersonId(GeneratorConfig config, long eventId)
    {
        var epoch = eventId / config.TotalProportion;
        var offset = eventId % config.TotalProportion;
        if (offset >= config.PersonProportion)
            offset = config.PersonProportion - 1; // an auction or bid: the last person of this epoch
        return epoch * config.PersonProportion + offset;
    }

    /// <summary>Four groups of four digits, as Java's <c>String.format("%04d", ...)</c> joined by spaces.</summary>
    private static string NextCreditCard(ref JavaRandom random)
    {
        Span<char> chars = stackalloc char[19];
        for (var group = 0; group < 4; group++)
        {
            if (group > 0)
                chars[group * 5 - 1] = ' ';
            random.NextInt(10000).TryFormat(chars.Slice(group * 5, 4), out _, "D4", CultureInfo.InvariantCulture);
        }
        return new string(chars);
    }
}
