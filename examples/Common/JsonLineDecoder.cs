using ActorStream.Connectors.Formats;
using ActorStream.Graph;

namespace ActorStream.Examples.Common;

/// <summary>
/// Decodes JSON lines into <typeparamref name="T"/>. A line that does not decode, or that
/// <paramref name="validate"/> rejects, goes to the <see cref="Errors"/> side output with the
/// reason, and the job carries on.
/// </summary>
public sealed class JsonLineDecoder<T>(Func<T, string?>? validate = null) : ProcessFunction<string, T>
{
    /// <summary>The side output of malformed lines.</summary>
    public static readonly OutputTag<DeadLetter> Errors = new("malformed-lines");

    /// <summary>The counter of malformed lines.</summary>
    public const string MalformedCounter = "malformed-lines";

    private ICounter _malformed = null!;

    /// <inheritdoc />
    public override void Open() => _malformed = RuntimeContext.GetCounter(MalformedCounter);

    /// <inheritdoc />
    public override void ProcessElement(string value, Context context, ICollector<T> output)
    {
        var error = JsonLines.TryDecode<T>(value, out var decoded, out var decodeError)
            ? validate?.Invoke(decoded)
            : decodeError;
        if (error is null)
        {
            output.Collect(decoded!);
            return;
        }
        _malformed.Add();
        context.Output(Errors, new DeadLetter(value, error));
    }
}
