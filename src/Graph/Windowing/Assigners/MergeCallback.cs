namespace ActorStream.Graph.Windowing;

/// <summary>Told by a merging assigner that <paramref name="toBeMerged"/> become <paramref name="mergeResult"/>.</summary>
public delegate void MergeCallback<W>(IReadOnlyCollection<W> toBeMerged, W mergeResult) where W : Window;
