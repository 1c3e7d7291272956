namespace ActorStream.Actors.Tests.Support;

/// <summary>Waits for asynchronous conditions of a running job.</summary>
public static class Eventually
{
    public static async Task WaitUntil(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The condition did not hold in time.");
            await Task.Delay(20);
        }
    }

    /// <summary>Asks <paramref name="read"/> until its answer satisfies <paramref name="condition"/>, and returns that answer.</summary>
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (condition(value))
                return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The condition did not hold in time; last answer: {value}.");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until <paramref name="read"/> returns the same value over <paramref name="quiet"/>, and returns it.</summary>
    public static async Task<long> Settled(Func<long> read, TimeSpan quiet)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var last = read();
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(quiet);
            var now = read();
            if (now == last)
                return now;
            last = now;
        }
        throw new TimeoutException("The value kept changing.");
    }
}
