using ActorStream.Actors.Cluster;

namespace ActorStream.Actors.Tests.Cluster;

public sealed class SlotTableSpecs
{
    private static SlotTable ThreeNodes(int slots = 4)
    {
        var table = new SlotTable();
        foreach (var node in new[] { "a:1", "b:1", "c:1" })
            table.SetNode(node, slots, "Up", usable: true);
        return table;
    }

    [Fact]
    public void Slots_should_be_spread_evenly_over_the_nodes()
    {
        var table = ThreeNodes();

        var allocation = table.Allocate("job", 0, 6);

        Assert.Equal(new Dictionary<string, int> { ["a:1"] = 2, ["b:1"] = 2, ["c:1"] = 2 },
            allocation.Nodes!.GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count()));
        Assert.Equal([2, 2, 2], table.Nodes().Select(n => n.FreeSlots));
    }

    [Fact]
    public void A_retried_request_of_the_same_attempt_should_get_the_same_slots()
    {
        var table = ThreeNodes(slots: 2);
        var first = table.Allocate("job", 3, 4);

        var retried = table.Allocate("job", 3, 4);

        Assert.Equal(first.Nodes, retried.Nodes);
        Assert.Equal(2, table.Nodes().Sum(n => n.FreeSlots));
    }

    [Fact]
    public void A_second_job_should_take_the_nodes_with_the_most_free_slots_so_the_load_stays_even()
    {
        var table = ThreeNodes();
        var first = table.Allocate("first", 0, 4);

        var second = table.Allocate("second", 0, 4);

        Assert.Equal(["a:1", "a:1", "b:1", "c:1"], first.Nodes!.Order());
        Assert.Equal(["a:1", "b:1", "b:1", "c:1"], second.Nodes!.Order());
        Assert.Equal([1, 1, 2], table.Nodes().Select(n => n.FreeSlots));
    }

    [Fact]
    public void A_request_beyond_the_free_slots_should_say_how_many_are_free_and_change_nothing()
    {
        var table = ThreeNodes(slots: 2);
        table.Allocate("first", 0, 2);

        var refused = table.Allocate("second", 0, 5);

        Assert.Null(refused.Nodes);
        Assert.Equal((5, 4), (refused.Needed, refused.Free));
        Assert.Equal(4, table.Nodes().Sum(n => n.FreeSlots));
    }

    [Fact]
    public void A_restarted_attempt_should_release_its_old_slots_and_avoid_unusable_nodes()
    {
        var table = ThreeNodes(slots: 4);
        table.Allocate("job", 0, 6);
        table.SetNode("b:1", 4, "Unreachable", usable: false);

        var restarted = table.Allocate("job", 1, 6);

        Assert.DoesNotContain("b:1", restarted.Nodes!);
        Assert.Equal(3, restarted.Nodes!.Count(n => n == "a:1"));
        Assert.Null(table.LocationOf("job", 0, 0));
        Assert.Equal(restarted.Nodes![5], table.LocationOf("job", 1, 5));
    }

    [Fact]
    public void Released_slots_should_be_free_again()
    {
        var table = ThreeNodes(slots: 1);
        table.Allocate("job", 0, 3);

        table.Release("job");

        Assert.Equal([1, 1, 1], table.Nodes().Select(n => n.FreeSlots));
    }

    [Fact]
    public void A_new_slot_manager_should_learn_held_slots_from_reminders_but_never_go_back_to_an_older_attempt()
    {
        var table = ThreeNodes(slots: 2);

        table.Hold("job", 3, ["a:1", "b:1", "c:1", "a:1"]);
        table.Hold("job", 2, ["c:1", "c:1"]);

        Assert.Equal([0, 1, 1], table.Nodes().Select(n => n.FreeSlots));
        Assert.Equal("c:1", table.LocationOf("job", 3, 2));
        Assert.Null(table.Allocate("other", 0, 3).Nodes); // 2 free: the held slots count
    }
}
