using ActorStream.Graph.Operators;

namespace ActorStream.Graph.Tests.Harness;

/// <summary>
/// Checks that a failure does not change an operator's output: a script runs uninterrupted, and again with a
/// failure after each step, where the operator took a full checkpoint earlier and an incremental one (dirty
/// key groups only) right before failing, and a fresh instance restored from both runs the rest of the script on
/// a clock that continues where the failed one stopped. Before any record, the restored operator receives the
/// watermark the failed one had last received: upstream, a restored TimestampsAndWatermarksOperator re-emits it.
/// </summary>
public static class FailureScenario
{
    /// <summary>Asserts that the output, with a failure after any step, equals the output of the uninterrupted run.</summary>
    public static void AssertSameOutputWithFailureAnywhere<TIn, TOut>(
        Func<OneInputStreamOperator<TIn, TOut>> create, IReadOnlyList<Action<OperatorHarness<TIn, TOut>>> steps) =>
        AssertSameOutputWithFailureAnywhere(context => new OperatorHarness<TIn, TOut>(create(), context), steps);

    /// <summary>Asserts that the output, with a failure after any step, equals the output of the uninterrupted run.</summary>
    public static void AssertSameOutputWithFailureAnywhere<THarness>(Func<OperatorContext, THarness> create, IReadOnlyList<Action<THarness>> steps)
        where THarness : IOperatorHarness
    {
        var expected = Run(create, steps, failAfter: null);
        Assert.NotEmpty(expected);
        for (var failAfter = 0; failAfter <= steps.Count; failAfter++)
        {
            var actual = Run(create, steps, failAfter);
            if (!expected.SequenceEqual(actual))
                Assert.Fail($"Failure after step {failAfter}:\nexpected {string.Join(", ", expected)}\nactual   {string.Join(", ", actual)}");
        }
    }

    /// <summary>The output of the script, with a failure after step <paramref name="failAfter"/> (null: none).</summary>
    public static List<OutputEvent> Run<TIn, TOut>(
        Func<OneInputStreamOperator<TIn, TOut>> create, IReadOnlyList<Action<OperatorHarness<TIn, TOut>>> steps, int? failAfter) =>
        Run(context => new OperatorHarness<TIn, TOut>(create(), context), steps, failAfter);

    /// <summary>The output of the script, with a failure after step <paramref name="failAfter"/> (null: none).</summary>
    public static List<OutputEvent> Run<THarness>(Func<OperatorContext, THarness> create, IReadOnlyList<Action<THarness>> steps, int? failAfter)
        where THarness : IOperatorHarness
    {
        var harness = Start(create(OperatorHarness.Subtask()));
        var firstCheckpoint = (failAfter ?? 0) / 2;
        OperatorSnapshot? full = null;
        for (var step = 0; step <= steps.Count; step++)
        {
            if (step == firstCheckpoint)
                full = OperatorSnapshot.Take(harness.StreamOperator, 1, onlyDirty: true);
            if (step == failAfter)
            {
                var incremental = OperatorSnapshot.Take(harness.StreamOperator, 2, onlyDirty: true);
                List<OutputEvent> before = [.. harness.Events];
                harness.Close();
                var restored = create(OperatorHarness.Subtask(now: harness.Clock.CurrentProcessingTime));
                OperatorSnapshot.Restore(restored.StreamOperator, [full!.Then(incremental)]);
                Start(restored);
                if (harness.LastWatermark is { } watermark)
                {
                    // Timers up to it fired before the checkpoint: re-establishing event time emits nothing but the watermark.
                    restored.ProcessWatermark(watermark);
                    Assert.Equal([new WatermarkEmitted(watermark)], restored.Events);
                    restored.ClearOutput();
                }
                foreach (var rest in steps.Skip(step))
                    rest(restored);
                return [.. before, .. restored.Events];
            }
            if (step < steps.Count)
                steps[step](harness);
        }
        return [.. harness.Events];
    }

    /// <summary>Opens the operator and, as the runtime does after a start or restore, marks every key group dirty.</summary>
    private static THarness Start<THarness>(THarness harness) where THarness : IOperatorHarness
    {
        harness.OpenOperator();
        harness.StreamOperator.KeyedStateSnapshots?.MarkAllDirty();
        return harness;
    }
}
