using ActorStream.Graph;
using ActorStream.Graph.Runtime;

namespace ActorStream.Connectors.Tests.TestDoubles;

/// <summary>An operator output that drops everything, for sink operators that emit nothing.</summary>
internal sealed class DiscardingOutput<T> : IOutput<T>
{
    public void Collect(in StreamRecord<T> record) { }

    public void Collect<TSide>(OutputTag<TSide> tag, in StreamRecord<TSide> record) { }

    public void EmitWatermark(long watermark) { }
}
