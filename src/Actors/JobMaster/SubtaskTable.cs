using ActorStream.Graph.Plan;
using Akka.Actor;

namespace ActorStream.Actors.JobMaster;

/// <summary>The job master's view of every subtask of one attempt: where it runs, what it reported, whether it ended.</summary>
internal sealed class SubtaskTable
{
    private readonly Dictionary<string, IActorRef?[]> _refs;
    private readonly Dictionary<(string Vertex, int Index), SubtaskMetrics> _metrics = [];
    private readonly HashSet<(string Vertex, int Index)> _finished = [];
    private readonly HashSet<(string Vertex, int Index)> _stopped = [];
    private readonly HashSet<string> _sourceVertices;
    private int _registered;

    public SubtaskTable(JobGraph graph)
    {
        _sourceVertices = graph.Vertices.Where(v => v.IsSource).Select(v => v.Id).ToHashSet();
        _refs = graph.Vertices.ToDictionary(v => v.Id, v => new IActorRef?[v.Parallelism]);
        Total = graph.SubtaskCount;
    }

    /// <summary>How many subtasks the job has.</summary>
    public int Total { get; }

    /// <summary>True when every subtask registered.</summary>
    public bool AllRegistered => _registered == Total;

    /// <summary>True when every subtask finished.</summary>
    public bool AllFinished => _finished.Count == Total;

    /// <summary>True when every registered subtask finished, confirmed its cancellation or vanished (unregistered ones never ran).</summary>
    public bool AllStopped => Registered().All(s => _finished.Contains(s) || _stopped.Contains(s));

    /// <summary>Records where a subtask runs.</summary>
    public void Register(SubtaskRegistered registered)
    {
        var slot = _refs[registered.VertexId];
        if (slot[registered.SubtaskIndex] is null)
            _registered++;
        slot[registered.SubtaskIndex] = registered.Subtask;
    }

    /// <summary>The refs of every subtask by vertex id (all registered).</summary>
    public IReadOnlyDictionary<string, IActorRef[]> Refs() => _refs.ToDictionary(kv => kv.Key, kv => kv.Value.Select(r => r!).ToArray());

    /// <summary>Every registered subtask's ref.</summary>
    public IEnumerable<IActorRef> All => _refs.Values.SelectMany(r => r).OfType<IActorRef>();

    /// <summary>True when <paramref name="subtask"/> belongs to this attempt.</summary>
    public bool Contains(IActorRef subtask) => _refs.Values.Any(refs => Array.IndexOf(refs, subtask) >= 0);

    /// <summary>The refs of the subtasks of <paramref name="vertex"/>.</summary>
    public IEnumerable<IActorRef> Of(JobVertex vertex) => _refs[vertex.Id].OfType<IActorRef>();

    /// <summary>Keeps the latest progress report.</summary>
    public void Update(SubtaskMetrics metrics) => _metrics[(metrics.VertexId, metrics.SubtaskIndex)] = metrics;

    /// <summary>Marks a subtask finished with its final report.</summary>
    public void Finish(SubtaskMetrics metrics)
    {
        Update(metrics);
        _finished.Add((metrics.VertexId, metrics.SubtaskIndex));
    }

    /// <summary>Marks a subtask stopped after cancellation.</summary>
    public void Stopped(string vertexId, int index) => _stopped.Add((vertexId, index));

    /// <summary>Marks the subtask behind <paramref name="subtask"/> stopped (it terminated or its node is gone).</summary>
    public void Stopped(IActorRef subtask)
    {
        if (Locate(subtask) is { } found)
            _stopped.Add(found);
    }

    /// <summary>The vertex and index of <paramref name="subtask"/> in this attempt, or null.</summary>
    public (string Vertex, int Index)? Locate(IActorRef subtask)
    {
        foreach (var (vertex, refs) in _refs)
        {
            var index = Array.IndexOf(refs, subtask);
            if (index >= 0)
                return (vertex, index);
        }
        return null;
    }

    /// <summary>The registered subtasks of this attempt whose node is <paramref name="address"/>.</summary>
    public IEnumerable<IActorRef> On(Akka.Actor.Address address) => All.Where(r => r.Path.Address.Equals(address));

    private IEnumerable<(string Vertex, int Index)> Registered() =>
        _refs.SelectMany(kv => kv.Value.Select((r, i) => (r, i)).Where(x => x.r is not null).Select(x => (kv.Key, x.i)));

    /// <summary>Every vertex of <paramref name="graph"/> with its subtasks' nodes (this node is <paramref name="self"/>) and latest reports.</summary>
    public IReadOnlyList<VertexDetails> Details(JobGraph graph, Address self) => graph.Vertices.Select(v => new VertexDetails(v.Id, v.Name, v.Parallelism,
        v.Inputs.Select(e => e.Source.Id).Distinct().ToList(),
        Enumerable.Range(0, v.Parallelism).Select(i => new SubtaskDetails(i,
            _refs[v.Id][i] is { } subtask ? Cluster.NodeSlots.NodeOf(subtask, self) : "",
            _metrics.GetValueOrDefault((v.Id, i)) ?? new SubtaskMetrics(v.Id, i, 0, 0, new Dictionary<string, long>()))).ToList())).ToList();

    /// <summary>Sums of the latest reports: records read by sources, records written by sinks, counters by name.</summary>
    public (long In, long Out, IReadOnlyDictionary<string, long> Counters) Totals()
    {
        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, value) in _metrics.Values.SelectMany(m => m.Counters))
            counters[name] = counters.GetValueOrDefault(name) + value;
        var recordsIn = _metrics.Values.Where(m => _sourceVertices.Contains(m.VertexId)).Sum(m => m.RecordsIn);
        return (recordsIn, _metrics.Values.Sum(m => m.RecordsOut), counters);
    }
}
