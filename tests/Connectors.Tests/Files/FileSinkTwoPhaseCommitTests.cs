using ActorStream.Connectors.Files;
using ActorStream.Connectors.Tests.TestDoubles;
using ActorStream.Graph;
using ActorStream.Graph.Sources;

namespace ActorStream.Connectors.Tests.Files;

public sealed class FileSinkTwoPhaseCommitTests : SinkOutputTests
{
    private FileSink<string> Sink(long maxPartBytes = FileSink<string>.DefaultMaxPartBytes) => new(Output, suffix: ".txt", maxPartBytes: maxPartBytes);

    /// <summary>Every line of every visible part, as a text source reads them back.</summary>
    private List<string> VisibleLines() => Readers.ReadAll(new TextLineSource(Output), 0, 1).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Parts_should_stay_hidden_until_their_checkpoint_completes()
    {
        var subtask = FileSinkSubtask.Open(Sink()).Write("a", "b");

        subtask.Snapshot(1);
        subtask.Write("c");

        Assert.Empty(VisibleFiles());
        Assert.Equal([".part-0-0.txt.inprogress", ".part-0-1.txt.inprogress"], HiddenFiles());
        Assert.Equal("a\nb\n", Read(".part-0-0.txt.inprogress"));

        subtask.Complete(1);

        Assert.Equal(["part-0-0.txt"], VisibleFiles());
        Assert.Equal("a\nb\n", Read("part-0-0.txt"));
        Assert.Equal([".part-0-1.txt.inprogress"], HiddenFiles());
    }

    [Fact]
    public void A_checkpoint_without_writes_should_make_no_part()
    {
        var subtask = FileSinkSubtask.Open(Sink());

        subtask.Snapshot(1);
        subtask.Complete(1);
        subtask.Finish();

        Assert.Empty(VisibleFiles());
        Assert.Empty(HiddenFiles());
    }

    [Fact]
    public void End_of_input_should_commit_the_parts_written_after_the_last_checkpoint()
    {
        var subtask = FileSinkSubtask.Open(Sink()).Write("a");
        subtask.Snapshot(1);
        subtask.Complete(1);
        subtask.Write("b");

        subtask.Finish();

        Assert.Equal(["part-0-0.txt", "part-0-1.txt"], VisibleFiles());
        Assert.Empty(HiddenFiles());
        Assert.Equal("b\n", Read("part-0-1.txt"));
    }

    [Fact]
    public void Committing_twice_should_change_nothing_and_a_lost_part_should_be_reported()
    {
        var sink = Sink();
        using var writer = sink.CreateWriter(TestRuntimeContext.SinkContext(), TwoPhaseCommitRestore<FilePartCommittable>.None);
        writer.Write("a", long.MinValue);
        var committables = writer.PrepareCommit(1);
        using var committer = sink.CreateCommitter(TestRuntimeContext.SinkContext());

        committer.Commit(committables);
        committer.Commit(committables);

        Assert.Equal([new FilePartCommittable(".part-0-0.txt.inprogress", "part-0-0.txt")], committables);
        Assert.Equal(["part-0-0.txt"], VisibleFiles());
        Assert.Equal("a\n", Read("part-0-0.txt"));
        File.Delete(Path.Combine(Output, "part-0-0.txt"));
        var error = Assert.Throws<FileNotFoundException>(() => committer.Commit(committables));
        Assert.Contains("was removed before it was committed", error.Message);
    }

    [Fact]
    public void Restore_should_commit_the_restored_parts_delete_stale_hidden_ones_and_number_on()
    {
        var first = FileSinkSubtask.Open(Sink()).Write("a");
        first.Snapshot(1);
        first.Write("b");
        var state = first.Snapshot(2);
        first.Write("c");
        first.Snapshot(3); // never completes
        first.Write("d");
        first.Crash();
        Assert.Equal(4, HiddenFiles().Count);
        Assert.Empty(VisibleFiles());

        var restored = FileSinkSubtask.Open(Sink(), restored: [state]);

        Assert.Equal(["part-0-0.txt", "part-0-1.txt"], VisibleFiles());
        Assert.Empty(HiddenFiles());
        restored.Write("e");
        restored.Finish();
        Assert.Equal(["part-0-0.txt", "part-0-1.txt", "part-0-2.txt"], VisibleFiles());
        Assert.Equal(["a", "b", "e"], VisibleLines());
    }

    [Fact]
    public void Restore_of_an_already_committed_checkpoint_should_commit_again_without_harm()
    {
        var first = FileSinkSubtask.Open(Sink()).Write("a");
        var state = first.Snapshot(1);
        first.Complete(1);
        first.Crash();

        var restored = FileSinkSubtask.Open(Sink(), restored: [state]);
        restored.Finish();

        Assert.Equal(["part-0-0.txt"], VisibleFiles());
        Assert.Equal("a\n", Read("part-0-0.txt"));
    }

    [Fact]
    public void Restore_from_an_older_checkpoint_should_not_overwrite_parts_committed_after_it()
    {
        var first = FileSinkSubtask.Open(Sink()).Write("a");
        var older = first.Snapshot(1);
        first.Complete(1);
        first.Write("b");
        first.Snapshot(2);
        first.Complete(2);
        first.Crash();

        var restored = FileSinkSubtask.Open(Sink(), restored: [older]);
        restored.Write("c");
        restored.Finish();

        Assert.Equal(["part-0-0.txt", "part-0-1.txt", "part-0-2.txt"], VisibleFiles());
        Assert.Equal("b\n", Read("part-0-1.txt"));
        Assert.Equal("c\n", Read("part-0-2.txt"));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(1)]
    [InlineData(2)]
    public void Restore_at_another_parallelism_should_commit_everything_once_and_keep_names_unique(int parallelism)
    {
        var old = Enumerable.Range(0, 2).Select(s => FileSinkSubtask.Open(Sink(maxPartBytes: 4), s, 2)).ToList();
        old[0].Write("a0", "a1", "a2");
        old[1].Write("b0");
        var states = old.Select(o => o.Snapshot(5)).ToList();
        old[0].Write("lost");
        old[0].Snapshot(6);
        foreach (var subtask in old)
            subtask.Crash();
        Assert.Equal([".part-0-0.txt.inprogress", ".part-0-1.txt.inprogress", ".part-0-2.txt.inprogress", ".part-1-0.txt.inprogress"], HiddenFiles());

        var restored = Enumerable.Range(0, parallelism).Select(s => FileSinkSubtask.Open(Sink(maxPartBytes: 4), s, parallelism, states)).ToList();
        foreach (var (subtask, i) in restored.Select((r, i) => (r, i)))
            subtask.Write($"new{i}");
        foreach (var subtask in restored)
            subtask.Finish();

        Assert.Empty(HiddenFiles());
        var expected = new[] { "a0", "a1", "a2", "b0" }.Concat(Enumerable.Range(0, parallelism).Select(i => $"new{i}"));
        Assert.Equal(expected.Order(StringComparer.Ordinal), VisibleLines());
        Assert.All(VisibleFiles(), f => Assert.Matches(@"^part-\d+-\d+\.txt$", f));
    }

    [Fact]
    public void Scaling_down_and_up_again_should_never_reuse_a_visible_name()
    {
        var sink = Sink();
        var wide = Enumerable.Range(0, 2).Select(s => FileSinkSubtask.Open(sink, s, 2).Write($"w{s}")).ToList();
        var wideStates = wide.Select(w => w.Snapshot(1)).ToList();
        wide.ForEach(w => w.Complete(1));
        wide.ForEach(w => w.Crash());

        var narrow = FileSinkSubtask.Open(sink, 0, 1, wideStates).Write("n");
        var narrowState = narrow.Snapshot(2);
        narrow.Complete(2);
        narrow.Crash();
        // An unrelated file that sorts among the parts: the sink must leave it and its name alone.
        File.WriteAllText(Path.Combine(Output, "part-1-x.txt"), "foreign\n");

        var again = Enumerable.Range(0, 2).Select(s => FileSinkSubtask.Open(sink, s, 2, [narrowState]).Write($"again{s}")).ToList();
        again.ForEach(a => a.Finish());

        Assert.Equal(["part-0-0.txt", "part-0-1.txt", "part-0-2.txt", "part-1-0.txt", "part-1-1.txt", "part-1-x.txt"], VisibleFiles());
        Assert.Equal(["again0", "again1", "foreign", "n", "w0", "w1"], VisibleLines());
    }

    [Fact]
    public void Cleanup_should_leave_the_hidden_parts_of_other_subtasks_and_other_sinks_alone()
    {
        var sink = Sink();
        var other = new FileSink<string>(Output, suffix: ".csv");
        var otherSubtask = FileSinkSubtask.Open(other).Write("csv");
        var sibling = FileSinkSubtask.Open(sink, 1, 2).Write("sibling");

        FileSinkSubtask.Open(sink, 0, 2).Write("mine");

        Assert.Equal([".part-0-0.csv.inprogress", ".part-0-0.txt.inprogress", ".part-1-0.txt.inprogress"], HiddenFiles());
        sibling.Finish();
        otherSubtask.Finish();
        Assert.Equal(["part-0-0.csv", "part-1-0.txt"], VisibleFiles());
    }

    [Fact]
    public void A_fresh_start_with_checkpointing_should_delete_leftover_hidden_parts_and_keep_earlier_output()
    {
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, "part-0-0.txt"), "earlier\n");
        File.WriteAllText(Path.Combine(Output, ".part-0-1.txt.inprogress"), "failed run\n");

        var subtask = FileSinkSubtask.Open(Sink());
        Assert.Empty(HiddenFiles());
        subtask.Write("now").Finish();

        Assert.Equal(["part-0-0.txt", "part-0-1.txt"], VisibleFiles());
        Assert.Equal(["earlier", "now"], VisibleLines());
    }
}
