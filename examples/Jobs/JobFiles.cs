namespace ActorStream.Examples;

/// <summary>
/// Checks of a job's files, made once by the client before the job is submitted (not on every node that rebuilds
/// the graph): an input must be UTF-8 text, an output directory must be writable and must not hold an earlier run's
/// results unless the run resumes from a savepoint or <c>--overwrite</c> clears them.
/// </summary>
public static class JobFiles
{
    /// <summary>Clears an output directory's earlier results instead of refusing it.</summary>
    public static readonly JobOption Overwrite = new("overwrite",
        "Delete the results of an earlier run in the output directory first (without it, a directory holding part files is refused).", IsFlag: true);

    /// <summary>The option that resumes from a savepoint: the results of the run it continues belong in the directory.</summary>
    private const string FromSavepoint = "from-savepoint";

    private const int ProbeBytes = 4096;

    /// <summary>Fails unless the file, or every file in the directory, given for <paramref name="option"/> exists and reads as UTF-8 text.</summary>
    public static void CheckTextInput(JobParameters parameters, string option)
    {
        if (!parameters.Has(option))
            return;
        var path = parameters.GetExistingPath(option);
        var files = Directory.Exists(path) ? Directory.EnumerateFiles(path) : [path];
        foreach (var file in files)
        {
            if (Utf16(file) is { } form)
                throw new JobParameterException(option, $"'{file}' is {form} text; ActorStream reads UTF-8: convert it, e.g. iconv -f UTF-16 -t UTF-8.");
        }
    }

    /// <summary>
    /// Makes sure the directory given for <paramref name="option"/> can take this run's results: not a file, writable
    /// (created when missing), and free of part files of an earlier run (also in <paramref name="subdirectories"/>)
    /// unless the run resumes from a savepoint, or <see cref="Overwrite"/> was given, which deletes them. A directory
    /// that does not exist yet is left to the job to create.
    /// </summary>
    public static void PrepareOutput(JobParameters parameters, string option, params string[] subdirectories)
    {
        if (parameters.Get(option) is not { } path)
            return;
        if (File.Exists(path))
            throw new JobParameterException(option, $"'{path}' is a file; give a directory for the results.");
        ProbeWritable(option, path);
        var earlier = new[] { path }.Concat(subdirectories.Select(s => Path.Combine(path, s)))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "part-*"))
            .ToList();
        if (earlier.Count == 0 || parameters.Has(FromSavepoint))
            return;
        if (!parameters.IsSet(Overwrite.Name))
            throw new JobParameterException(option, $"'{path}' holds results of an earlier run ({earlier.Count} part files); " +
                "remove them, choose another directory, pass --overwrite to delete them, or resume that run with --from-savepoint.");
        foreach (var file in earlier)
            File.Delete(file);
    }

    /// <summary>Writes and deletes a file in the directory, or in its nearest existing parent when it does not exist yet (nothing is created).</summary>
    private static void ProbeWritable(string option, string path)
    {
        var existing = Path.GetFullPath(path);
        while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
            existing = parent;
        var probe = Path.Combine(existing, $".actorstream-probe-{Environment.ProcessId}");
        try
        {
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new JobParameterException(option, $"'{path}' is not writable: cannot create files in {existing} ({e.Message}).");
        }
    }

    /// <summary>"UTF-16" when the file starts with a UTF-16 byte-order mark or its first bytes are half zeros, else null.</summary>
    private static string? Utf16(string file)
    {
        Span<byte> head = stackalloc byte[ProbeBytes];
        int read;
        using (var stream = File.OpenRead(file))
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        if (head is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
            return "UTF-16";
        var zeros = head.Count((byte)0);
        return read >= 16 && zeros * 4 >= read ? "UTF-16 (no byte-order mark)" : null;
    }
}
