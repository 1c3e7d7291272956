namespace ActorStream.Graph;

/// <summary>In which order the async operator emits results (Flink's AsyncDataStream.OutputMode).</summary>
public enum AsyncOutputMode
{
    /// <summary>In input order: a slow element holds back the results of later ones.</summary>
    Ordered,

    /// <summary>As elements complete, but never across a watermark: results before a watermark leave before it.</summary>
    Unordered,
}
