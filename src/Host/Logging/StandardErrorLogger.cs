using Akka.Actor;
using Akka.Dispatch;
using Akka.Event;

namespace ActorStream.Host.Logging;

/// <summary>
/// An Akka logger that writes one line per event to standard error, so runtime warnings never mix with
/// results on standard output. Causes are shown by type and message only: a console user needs what went
/// wrong and where (the job's failure names the operator and subtask), not the runtime's stack.
/// </summary>
public sealed class StandardErrorLogger : ReceiveActor, IRequiresMessageQueue<ILoggerMessageQueueSemantics>
{
    /// <summary>Creates the logger; Akka instantiates it from <c>akka.loggers</c>.</summary>
    public StandardErrorLogger()
    {
        Receive<InitializeLogger>(_ => Sender.Tell(new LoggerInitialized()));
        Receive<LogEvent>(e => System.Console.Error.WriteLine(Format(e)));
    }

    /// <summary>"[LEVEL] source: message (cause: Type: message)" on one line.</summary>
    public static string Format(LogEvent e)
    {
        var level = e.LogLevel().ToString().Replace("Level", "", StringComparison.Ordinal).ToUpperInvariant();
        var message = (e.Message?.ToString() ?? "").ReplaceLineEndings(" ");
        var cause = e.Cause is { } c ? $" (cause: {c.GetType().Name}: {c.Message.ReplaceLineEndings(" ")})" : "";
        return $"[{level}] {e.LogSource}: {message}{cause}";
    }
}

/// <summary>The same lines with the time of each event first: a long-lived node's log needs it, a job run's does not.</summary>
public sealed class TimestampedStandardErrorLogger : ReceiveActor, IRequiresMessageQueue<ILoggerMessageQueueSemantics>
{
    /// <summary>Creates the logger; Akka instantiates it from <c>akka.loggers</c>.</summary>
    public TimestampedStandardErrorLogger()
    {
        Receive<InitializeLogger>(_ => Sender.Tell(new LoggerInitialized()));
        Receive<LogEvent>(e => System.Console.Error.WriteLine($"{e.Timestamp:HH:mm:ss.fff} {StandardErrorLogger.Format(e)}"));
    }
}
