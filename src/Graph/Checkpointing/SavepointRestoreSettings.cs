namespace ActorStream.Graph;

/// <summary>
/// Where a job's state comes from at start (Flink's SavepointRestoreSettings). <see cref="Pointer"/>
/// is <c>latest</c> (the latest completed checkpoint or savepoint of this job name in the state
/// store), a checkpoint id of this job name, or <c>job-name/id</c> for another job's.
/// </summary>
public sealed record SavepointRestoreSettings(string Pointer, bool AllowNonRestoredState = false)
{
    /// <summary>The pointer that means "the latest completed checkpoint or savepoint".</summary>
    public const string Latest = "latest";

    /// <summary>The job name and checkpoint id the pointer names; a null id means the latest.</summary>
    public (string? JobName, long? CheckpointId) Parse()
    {
        var pointer = Pointer.Trim();
        var slash = pointer.LastIndexOf('/');
        var job = slash < 0 ? null : pointer[..slash];
        var id = slash < 0 ? pointer : pointer[(slash + 1)..];
        if (string.Equals(id, Latest, StringComparison.OrdinalIgnoreCase))
            return (job, null);
        if (long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0)
            return (job, n);
        throw new ArgumentException(
            $"'{Pointer}' is not a savepoint pointer: use 'latest', a checkpoint id such as 42, or 'job-name/42'.", nameof(Pointer));
    }
}
