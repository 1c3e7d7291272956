using System.Globalization;

namespace ActorStream.Bench.Nexmark.Generator;

/// <summary>
/// The bid channels and their URLs, as the reference's BidGenerator tables. The reference draws each URL once per
/// process from an unseeded java.util.Random; here numbered channel n's URL comes from Random(n) and hot channel i's
/// from Random(<see cref="ChannelCount"/> + i), so every run, process and subtask sees the same URLs.
/// </summary>
internal static class ChannelUrls
{
    /// <summary>The number of numbered channels ("channel-0" to "channel-9999").</summary>
    public const int ChannelCount = 10_000;

    /// <summary>The hot channels, which take half the bids.</summary>
    public static readonly string[] HotChannels = ["Google", "Facebook", "Baidu", "Apple"];

    /// <summary>The URL of each hot channel.</summary>
    public static readonly string[] HotUrls = CreateHotUrls();

    /// <summary>"channel-N" for each numbered channel.</summary>
    public static readonly string[] ChannelNames = CreateChannelNames();

    /// <summary>The URL of each numbered channel; nine in ten carry a channel_id parameter.</summary>
    public static readonly string[] Urls = CreateUrls();

    private static string[] CreateHotUrls()
    {
        var urls = new string[HotChannels.Length];
        for (var i = 0; i < urls.Length; i++)
        {
            var random = new JavaRandom(ChannelCount + i);
            urls[i] = BaseUrl(ref random);
        }
        return urls;
    }

    private static string[] CreateChannelNames()
    {
        var names = new string[ChannelCount];
        for (var n = 0; n < names.Length; n++)
            names[n] = "channel-" + n.ToString(CultureInfo.InvariantCulture);
        return names;
    }

    private static string[] CreateUrls()
    {
        var urls = new string[ChannelCount];
        for (var n = 0; n < urls.Length; n++)
        {
            var random = new JavaRandom(n);
            var url = BaseUrl(ref random);
            if (random.NextInt(10) > 0)
                url += "&channel_id=" + JavaMath.Abs(JavaMath.ReverseBits(n)).ToString(CultureInfo.InvariantCulture);
            urls[n] = url;
        }
        return urls;
    }

    private static string BaseUrl(ref JavaRandom random) =>
        string.Concat(
            "https://www.nexmark.com/",
            StringsGenerator.NextString(ref random, 5, '_'), "/",
            StringsGenerator.NextString(ref random, 5, '_'), "/",
            StringsGenerator.NextString(ref random, 5, '_'), "/item.htm?query=1");
}
