using System.Diagnostics;
using System.Text;

namespace ActorStream.Connectors.Files;

/// <summary>
/// One part file of a file sink. It is written under a hidden in-progress name, closed into the
/// pending state (complete but still hidden), and committed by an atomic rename to its final name,
/// the steps a two-phase-commit sink maps onto write, pre-commit and commit.
/// </summary>
internal sealed class PartFile : IDisposable
{
    private const int BufferChars = 32 * 1024;
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private StreamWriter? _writer;

    private PartFile(string inProgressPath, string finalPath, StreamWriter writer)
    {
        InProgressPath = inProgressPath;
        FinalPath = finalPath;
        _writer = writer;
    }

    /// <summary>The hidden path the file is written under.</summary>
    public string InProgressPath { get; }

    /// <summary>The visible path the file gets when committed.</summary>
    public string FinalPath { get; }

    /// <summary>The bytes written so far.</summary>
    public long Length { get; private set; }

    /// <summary>Where the file is in its life.</summary>
    public PartFileState State { get; private set; } = PartFileState.InProgress;

    /// <summary>Creates (or truncates a leftover) in-progress file.</summary>
    public static PartFile Open(string inProgressPath, string finalPath)
    {
        // The StreamWriter buffers, so the FileStream need not buffer again (bufferSize 0).
        var stream = new FileStream(inProgressPath, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);
        return new PartFile(inProgressPath, finalPath, new StreamWriter(stream, Utf8NoBom, BufferChars));
    }

    /// <summary>Appends <paramref name="line"/> and a line feed.</summary>
    public void WriteLine(string line)
    {
        Debug.Assert(State == PartFileState.InProgress, "Only an in-progress part file takes writes.");
        _writer!.Write(line);
        _writer.Write('\n');
        Length += Utf8NoBom.GetByteCount(line) + 1;
    }

    /// <summary>Writes the buffer through to the disk.</summary>
    public void Flush()
    {
        if (_writer is null)
            return;
        _writer.Flush();
        ((FileStream)_writer.BaseStream).Flush(flushToDisk: true);
    }

    /// <summary>Flushes and closes the file; it stays hidden until <see cref="Commit"/>.</summary>
    public void Close()
    {
        if (State != PartFileState.InProgress)
            return;
        Flush();
        Dispose();
        State = PartFileState.Pending;
    }

    /// <summary>Closes the file if needed and renames it to its final, visible name.</summary>
    public void Commit()
    {
        Close();
        if (State == PartFileState.Committed)
            return;
        CommitPending(InProgressPath, FinalPath);
        State = PartFileState.Committed;
    }

    /// <summary>
    /// Renames the closed part at <paramref name="hiddenPath"/> to <paramref name="finalPath"/>;
    /// idempotent: a part already renamed (only the final file exists) is left as it is.
    /// </summary>
    public static void CommitPending(string hiddenPath, string finalPath)
    {
        try
        {
            // A rename within one directory is atomic, so readers see either no part or the whole part.
            File.Move(hiddenPath, finalPath, overwrite: true);
        }
        catch (FileNotFoundException) when (File.Exists(finalPath))
        {
            // Committed before, by an earlier attempt of this checkpoint's commit.
        }
        catch (FileNotFoundException error)
        {
            throw new FileNotFoundException(
                $"The pending part '{hiddenPath}' is gone but '{finalPath}' does not exist: the part was removed before it was committed.",
                hiddenPath, error);
        }
    }

    /// <summary>Closes the file without committing it, leaving it hidden.</summary>
    public void Dispose()
    {
        _writer?.Dispose();
        _writer = null;
    }
}
