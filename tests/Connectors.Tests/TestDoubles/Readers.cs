using ActorStream.Graph;

namespace ActorStream.Connectors.Tests.TestDoubles;

/// <summary>Drives source readers directly, without a runtime.</summary>
internal static class Readers
{
    /// <summary>Everything subtask <paramref name="subtask"/> of <paramref name="parallelism"/> reads, up to <paramref name="limit"/> records.</summary>
    public static List<T> ReadAll<T>(ISource<T> source, int subtask, int parallelism, int limit = int.MaxValue)
    {
        var output = new CollectingOutput<T>();
        using var reader = source.CreateReader(new SourceReaderContext(subtask, parallelism, TimeProvider.System));
        while (output.Values.Count < limit)
        {
            var status = reader.PollNext(output);
            Assert.NotEqual(InputStatus.NothingAvailable, status);
            if (status == InputStatus.EndOfInput)
                break;
        }
        return output.Values;
    }
}
