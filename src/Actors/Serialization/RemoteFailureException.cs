namespace ActorStream.Actors.Serialization;

/// <summary>
/// An exception that crossed a node (or was serialized for the runtime protocol): the original type
/// cannot be recreated safely, so this one carries its type name, message and stack trace, and the
/// inner exceptions the same way. The message starts with the original type's name.
/// </summary>
public sealed class RemoteFailureException : Exception
{
    /// <summary>Describes a failure of type <paramref name="originalType"/>.</summary>
    public RemoteFailureException(string originalType, string originalMessage, Exception? innerException = null)
        : base($"{originalType}: {originalMessage}", innerException)
    {
        OriginalType = originalType;
        OriginalMessage = originalMessage;
    }

    /// <summary>The full name of the original exception's type, e.g. <c>System.InvalidOperationException</c>.</summary>
    public string OriginalType { get; }

    /// <summary>The original exception's message.</summary>
    public string OriginalMessage { get; }
}
