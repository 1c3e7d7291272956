namespace ActorStream.Examples;

/// <summary>
/// Options that exist to exercise recovery, not for production use: <c>--rate</c> slows file sources
/// down so that a run lasts long enough to checkpoint, be killed or fail; <c>--inject-failure-after</c>
/// makes the job's keyed operator throw once.
/// </summary>
public static class TestAids
{
    /// <summary>Throttles file sources to R records per second in total (test aid).</summary>
    public static readonly JobOption Rate = new("rate", "Test aid: throttle the file source to R records/s in total.");

    /// <summary>Makes the keyed operator throw once after N records in total (test aid).</summary>
    public static readonly JobOption InjectFailureAfter = new("inject-failure-after",
        "Test aid: the keyed operator throws once after N records in total, to exercise recovery from a checkpoint.");

    /// <summary>The rate asked for, or null.</summary>
    public static double? RateOf(JobParameters parameters)
    {
        if (!parameters.Has(Rate.Name))
            return null;
        var rate = parameters.GetDouble(Rate.Name);
        return rate > 0 && double.IsFinite(rate) ? rate
            : throw new JobParameterException(Rate.Name, $"'{parameters.Get(Rate.Name)}' is not a positive number of records per second.");
    }

    /// <summary>The failure injector asked for, or null.</summary>
    public static FailureInjector? InjectorOf(JobParameters parameters)
    {
        if (parameters.GetOptionalLong(InjectFailureAfter.Name) is not { } after)
            return null;
        return after >= 1 ? new FailureInjector(after)
            : throw new JobParameterException(InjectFailureAfter.Name, $"'{after}' must be at least 1.");
    }
}
