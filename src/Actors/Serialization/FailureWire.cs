using System.Runtime.ExceptionServices;
using ActorStream.Graph;
using ActorStream.Graph.Serialization;

namespace ActorStream.Actors.Serialization;

/// <summary>
/// The wire form of exceptions in runtime messages: type name, message, stack trace and the chain of
/// inner exceptions. No type is instantiated by name (that would let a message create arbitrary
/// objects); a failure comes back as a <see cref="RemoteFailureException"/>, except the two types the
/// client API promises: <see cref="JobExecutionException"/> (field by field) and <see cref="OperationCanceledException"/>.
/// </summary>
internal static class FailureWire
{
    private const int MaxDepth = 32;
    private const byte None = 0;
    private const byte Failure = 1;
    private const byte JobFailure = 2;
    private const byte Canceled = 3;

    // What SetRemoteStackTrace appends to the trace it stores ("--- End of stack trace from previous
    // location ---" and a new line, in the runtime's language). A failure that crosses several hops is
    // written without it, so its trace does not grow by one marker per hop.
    private static readonly string RemoteTraceSuffix =
        ExceptionDispatchInfo.SetRemoteStackTrace(new InvalidOperationException(), "-").StackTrace![1..];

    /// <summary>Writes <paramref name="error"/> (or null) with its inner exceptions.</summary>
    public static void WriteFailure(this WireWriter writer, Exception? error) => Write(writer, error, 0);

    /// <summary>Reads what <see cref="WriteFailure"/> wrote.</summary>
    public static Exception? ReadFailure(this WireReader reader) => Read(reader, 0);

    private static void Write(WireWriter writer, Exception? error, int depth)
    {
        if (error is null || depth == MaxDepth)
        {
            writer.Write(None);
            return;
        }
        switch (error)
        {
            case JobExecutionException job:
                writer.Write(JobFailure);
                writer.WriteRequiredString(job.JobId);
                writer.WriteRequiredString(job.Message);
                writer.WriteNullableString(job.OperatorName);
                writer.WriteOptionalLong(job.SubtaskIndex);
                break;
            case OperationCanceledException when error.GetType() == typeof(OperationCanceledException):
                writer.Write(Canceled);
                writer.WriteRequiredString(error.Message);
                break;
            case RemoteFailureException remote:
                writer.Write(Failure);
                writer.WriteRequiredString(remote.OriginalType);
                writer.WriteRequiredString(remote.OriginalMessage);
                break;
            default:
                writer.Write(Failure);
                writer.WriteRequiredString(error.GetType().FullName ?? error.GetType().Name);
                writer.WriteRequiredString(error.Message);
                break;
        }
        writer.WriteNullableString(StackTraceOf(error));
        Write(writer, error.InnerException, depth + 1);
    }

    private static string? StackTraceOf(Exception error)
    {
        var trace = error.StackTrace;
        return trace is not null && trace.EndsWith(RemoteTraceSuffix, StringComparison.Ordinal) ? trace[..^RemoteTraceSuffix.Length] : trace;
    }

    private static Exception? Read(WireReader reader, int depth)
    {
        var tag = reader.ReadByte();
        if (tag == None)
            return null;
        if (depth == MaxDepth)
            throw new InvalidDataException($"Corrupt data: exceptions nested deeper than {MaxDepth}.");
        Func<Exception?, Exception> create = tag switch
        {
            JobFailure => ReadJobFailure(reader),
            Canceled => ReadCanceled(reader),
            Failure => ReadRemoteFailure(reader),
            _ => throw new InvalidDataException($"Corrupt data: unknown exception tag {tag}."),
        };
        var stackTrace = reader.ReadNullableString();
        var error = create(Read(reader, depth + 1));
        if (!string.IsNullOrEmpty(stackTrace))
            ExceptionDispatchInfo.SetRemoteStackTrace(error, stackTrace);
        return error;
    }

    private static Func<Exception?, Exception> ReadJobFailure(WireReader reader)
    {
        var jobId = reader.ReadRequiredString();
        var message = reader.ReadRequiredString();
        var operatorName = reader.ReadNullableString();
        var subtaskIndex = reader.ReadOptionalLong() is { } index ? checked((int)index) : (int?)null;
        return inner => new JobExecutionException(jobId, message, operatorName, subtaskIndex, inner);
    }

    private static Func<Exception?, Exception> ReadCanceled(WireReader reader)
    {
        var message = reader.ReadRequiredString();
        return inner => new OperationCanceledException(message, inner);
    }

    private static Func<Exception?, Exception> ReadRemoteFailure(WireReader reader)
    {
        var type = reader.ReadRequiredString();
        var message = reader.ReadRequiredString();
        return inner => new RemoteFailureException(type, message, inner);
    }
}
