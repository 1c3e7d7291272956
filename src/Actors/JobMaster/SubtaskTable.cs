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

    /// <summary>True when every subtask finished or confirmed cancellation.</summary>
    public bool AllStopped => _finished.Union(_stopped).Count() == Total;

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
