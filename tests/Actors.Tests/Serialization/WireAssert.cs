using System.Collections;
using System.Reflection;
using ActorStream.Actors.Exchange;
using ActorStream.Actors.Serialization;
using ActorStream.Graph;
using ActorStream.Graph.Runtime;
using Akka.Actor;

namespace ActorStream.Actors.Tests.Serialization;

/// <summary>
/// Field-by-field equality of a message and its round-tripped copy: records compare by reference
/// where they hold collections, so this walks every public property and field. Exceptions compare as
/// the wire promises: a <see cref="RemoteFailureException"/> naming the original type and message.
/// </summary>
public static class WireAssert
{
    private static readonly MethodInfo RecordsOfMethod = typeof(WireAssert).GetMethod(nameof(RecordsOf), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Asserts that <paramref name="actual"/> equals <paramref name="expected"/> in every field.</summary>
    public static void Equivalent(object? expected, object? actual, string path = "message")
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {expected ?? "null"}, got {actual ?? "null"}");
            return;
        }
        switch (expected)
        {
            case IActorRef or string or decimal or DateTime or DateTimeOffset or TimeSpan or Guid or Enum:
            case ValueType when expected.GetType().IsPrimitive:
                Assert.True(Equals(expected, actual), $"{path}: expected {expected}, got {actual}");
                return;
            case byte[] bytes:
                Assert.Equal(bytes, Assert.IsType<byte[]>(actual));
                return;
            case Exception error:
                Failure(error, Assert.IsAssignableFrom<Exception>(actual), path);
                return;
            case DataBatch data: // its byte counts are local bookkeeping, not wire fields
                var copy = Assert.IsType<DataBatch>(actual);
                Equivalent(data.Channel, copy.Channel, $"{path}.Channel");
                Equivalent(data.Batch, copy.Batch, $"{path}.Batch");
                return;
            case IRecordBatch batch:
                Equivalent(Records(batch), Records(Assert.IsAssignableFrom<IRecordBatch>(actual)), $"{path}.Records");
                return;
            case IDictionary map:
                Map(map, Assert.IsAssignableFrom<IDictionary>(actual), path);
                return;
            case IEnumerable items:
                Sequence(items, Assert.IsAssignableFrom<IEnumerable>(actual), path);
                return;
        }
        Assert.True(expected.GetType() == actual.GetType(), $"{path}: expected a {expected.GetType().Name}, got a {actual.GetType().Name}");
        foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0)
                Equivalent(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
        }
        foreach (var field in expected.GetType().GetFields(BindingFlags.Public | BindingFlags.Instance))
            Equivalent(field.GetValue(expected), field.GetValue(actual), $"{path}.{field.Name}");
    }

    /// <summary>The records of a batch, copied out of its span.</summary>
    public static object Records(IRecordBatch batch) =>
        RecordsOfMethod.MakeGenericMethod(batch.GetType().GetGenericArguments()[0]).Invoke(null, [batch])!;

    private static StreamRecord<T>[] RecordsOf<T>(RecordBatch<T> batch) => batch.Records.ToArray();

    private static void Failure(Exception expected, Exception actual, string path)
    {
        switch (expected)
        {
            case JobExecutionException job:
                var copy = Assert.IsType<JobExecutionException>(actual);
                Assert.Equal((job.JobId, job.Message, job.OperatorName, job.SubtaskIndex), (copy.JobId, copy.Message, copy.OperatorName, copy.SubtaskIndex));
                break;
            case OperationCanceledException when expected.GetType() == typeof(OperationCanceledException):
                Assert.Equal(expected.Message, Assert.IsType<OperationCanceledException>(actual).Message);
                break;
            default:
                var remote = Assert.IsType<RemoteFailureException>(actual);
                Assert.Equal((expected.GetType().FullName, expected.Message), (remote.OriginalType, remote.OriginalMessage));
                // The copy's trace is the original's, marked as thrown elsewhere ("--- End of stack trace ...").
                if (expected.StackTrace is null)
                    Assert.Null(actual.StackTrace);
                else
                    Assert.StartsWith(expected.StackTrace, actual.StackTrace);
                break;
        }
        Equivalent(expected.InnerException, actual.InnerException, $"{path}.InnerException");
    }

    private static void Map(IDictionary expected, IDictionary actual, string path)
    {
        Assert.True(expected.Count == actual.Count, $"{path}: expected {expected.Count} entries, got {actual.Count}");
        foreach (DictionaryEntry entry in expected)
        {
            Assert.True(actual.Contains(entry.Key), $"{path}: the key '{entry.Key}' is missing");
            Equivalent(entry.Value, actual[entry.Key], $"{path}[{entry.Key}]");
        }
    }

    private static void Sequence(IEnumerable expected, IEnumerable actual, string path)
    {
        var left = expected.Cast<object?>().ToList();
        var right = actual.Cast<object?>().ToList();
        Assert.True(left.Count == right.Count, $"{path}: expected {left.Count} items, got {right.Count}");
        for (var i = 0; i < left.Count; i++)
            Equivalent(left[i], right[i], $"{path}[{i}]");
    }
}
