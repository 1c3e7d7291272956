using ActorStream.Actors.State;

namespace ActorStream.Actors.Tests.Persistence;

/// <summary>Key-group writes larger than a remote message: cut into slices of their data and put together again exactly.</summary>
public sealed class KeyGroupWritePartsSpecs
{
    private static readonly byte[] Data = [.. Enumerable.Range(0, 10).Select(i => (byte)(i + 1))];

    [Fact]
    public void A_write_that_fits_a_part_should_be_sent_as_it_is()
    {
        var write = new WriteKeyGroupState(3, Data, Retained: false, LatestCompleted: 2);

        Assert.Same(write, Assert.Single(KeyGroupWriteParts.Of(write, partBytes: 10)));
    }

    [Fact]
    public void A_larger_write_should_be_sent_as_slices_of_its_data_with_its_fields()
    {
        var write = new WriteKeyGroupState(3, Data, Retained: true, LatestCompleted: 2, BasedOn: 1);

        var parts = KeyGroupWriteParts.Of(write, partBytes: 4).Cast<WriteKeyGroupStatePart>().ToList();

        Assert.Equal([(0, 4), (4, 4), (8, 2)], parts.Select(p => (p.Offset, p.Bytes.Count)));
        Assert.All(parts, p => Assert.Same(Data, p.Bytes.Array)); // slices, not copies
        Assert.All(parts, p => Assert.Equal((3L, true, 2L, 1L, 10), (p.CheckpointId, p.Retained, p.LatestCompleted, p.BasedOn, p.TotalBytes)));
        Assert.Equal(Data, parts.SelectMany(p => p.Bytes));
    }

    [Fact]
    public void The_parts_should_be_put_together_into_the_write()
    {
        var assembly = new KeyGroupWriteAssembly();
        var parts = Parts(checkpointId: 3);

        Assert.Null(assembly.Add(parts[0]));
        Assert.Null(assembly.Add(parts[1]));
        var write = assembly.Add(parts[2])!;

        Assert.Equal((3L, true, 2L, 1L), (write.CheckpointId, write.Retained, write.LatestCompleted, write.BasedOn));
        Assert.Equal(Data, write.Data);
    }

    [Fact]
    public void A_write_with_a_lost_part_should_be_dropped_until_it_is_sent_again_from_its_first_part()
    {
        var assembly = new KeyGroupWriteAssembly();
        var parts = Parts(checkpointId: 3);

        Assert.Null(assembly.Add(parts[0]));
        Assert.Null(assembly.Add(parts[2])); // parts[1] was lost
        Assert.Null(assembly.Add(parts[1])); // too late: the write was dropped

        Assert.Null(assembly.Add(parts[0]));
        Assert.Null(assembly.Add(parts[1]));
        Assert.Equal(Data, assembly.Add(parts[2])!.Data);
    }

    [Fact]
    public void A_newer_write_should_replace_one_still_being_assembled()
    {
        var assembly = new KeyGroupWriteAssembly();
        var older = Parts(checkpointId: 3);
        var newer = Parts(checkpointId: 4);

        Assert.Null(assembly.Add(older[0]));
        Assert.Null(assembly.Add(newer[0]));
        Assert.Null(assembly.Add(older[1])); // not part of checkpoint 4's write: drops it
        Assert.Null(assembly.Add(newer[1]));
        Assert.Null(assembly.Add(newer[2]));

        Assert.Null(assembly.Add(newer[0]));
        Assert.Null(assembly.Add(newer[1]));
        Assert.Equal(4, assembly.Add(newer[2])!.CheckpointId);
    }

    [Fact]
    public void A_part_that_would_overrun_its_write_should_drop_it()
    {
        var assembly = new KeyGroupWriteAssembly();
        var parts = Parts(checkpointId: 3);

        Assert.Null(assembly.Add(parts[0]));
        Assert.Null(assembly.Add(parts[1] with { Bytes = new ArraySegment<byte>(new byte[7]) }));
        Assert.Null(assembly.Add(parts[2]));
    }

    private static List<WriteKeyGroupStatePart> Parts(long checkpointId) =>
        [.. KeyGroupWriteParts.Of(new WriteKeyGroupState(checkpointId, Data, Retained: true, LatestCompleted: 2, BasedOn: 1), partBytes: 4)
            .Cast<WriteKeyGroupStatePart>()];
}
