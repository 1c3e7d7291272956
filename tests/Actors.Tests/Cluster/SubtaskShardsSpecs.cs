using ActorStream.Actors.Cluster;
using ActorStream.Actors.Node;
using ActorStream.Graph;

namespace ActorStream.Actors.Tests.Cluster;

/// <summary>One shard per slot: subtasks of one slot sharing group share shards by index, subtasks of different groups never do.</summary>
public sealed class SubtaskShardsSpecs
{
    [Fact]
    public void Subtasks_should_share_a_shard_only_with_the_same_index_of_their_own_group()
    {
        var env = StreamExecutionEnvironment.Create();
        env.Parallelism = 2;
        env.FromSequence(1, 10).Rebalance().Map(x => x).Name("parse")
            .Rebalance().Map(x => x).Name("score").SlotSharingGroup("heavy").SetParallelism(3)
            .Rebalance().Map(x => x).Name("enrich").SetParallelism(2);
        var graph = env.GetJobGraph();
        var shards = new SubtaskShards();

        var byShard = graph.Vertices
            .SelectMany(v => Enumerable.Range(0, v.Parallelism).Select(i => (Vertex: v.Head.Name, Index: i,
                Shard: shards.ShardId(EntityIds.Subtask("job", v.Id, i, 3, graph.SlotSharing.SlotOf(v, i))))))
            .GroupBy(s => s.Shard)
            .ToDictionary(g => g.Key, g => g.Select(s => $"{s.Vertex}/{s.Index}").Order().ToArray());

        Assert.Equal(5, graph.SlotSharing.SlotCount);
        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["job.3.0"] = ["Sequence Source/0", "parse/0"],
                ["job.3.1"] = ["Sequence Source/1", "parse/1"],
                ["job.3.2"] = ["enrich/0", "score/0"],
                ["job.3.3"] = ["enrich/1", "score/1"],
                ["job.3.4"] = ["score/2"],
            },
            byShard);
        Assert.Equal(("job", 3, 4), SubtaskShards.Parse("job.3.4"));
    }
}
