using ActorStream.Connectors.Formats;
using ActorStream.Graph;

namespace ActorStream.Examples.Common;

/// <summary>
/// Decodes JSON lines into <typeparamref name="T"/> and emits what <paramref name="make"/> makes of each value
/// and its line (e.g. to keep the original line). A line that does not decode, or that <paramref name="validate"/>
/// rejects, goes to the <see cref="Errors"/> side output with the reason, and the job carries on.
/// </summary>
public class JsonLineDecoder<T, TOut>(Func<T, string?>? validate, Func<T, string, TOut> make) : ProcessFunction<string, TOut>
{
    /// <summary>The side output of malformed lines (equal for every decoder: tags compare by id and type).</summary>
    public static readonly OutputTag<DeadLetter> Errors = new("malformed-lines");

    /// <summary>The counter of malformed lines.</summary>
    public const string MalformedCounter = "malformed-lines";

    private ICounter _malformed = null!;

    /// <inheritdoc />
    public override void Open() => _malformed = RuntimeContext.GetCounter(MalformedCounter);

    /// <inheritdoc />
    public override void ProcessElement(string value, Context context, ICollector<TOut> output)
    {
        var error = JsonLines.TryDecode<T>(value, out var decoded, out var decodeError)
            ? validate?.Invoke(decoded)
            : decodeError;
        if (error is null)
        {
            output.Collect(make(decoded!, value));
            return;
        }
        _malformed.Add();
        context.Output(Errors, new DeadLetter(value, error));
    }
}

/// <summary>Decodes JSON lines into <typeparamref name="T"/>; malformed lines go to the errors side output.</summary>
public sealed class JsonLineDecoder<T>(Func<T, string?>? validate = null) : JsonLineDecoder<T, T>(validate, static (value, _) => value);
