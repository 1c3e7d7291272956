using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Operators.Windowing;

/// <summary>Told that <paramref name="mergedWindows"/> became <paramref name="mergeResult"/>, whose contents live in <paramref name="stateWindowResult"/>.</summary>
/// <remarks>The lists are reused by the next merge: read them during the call only.</remarks>
internal delegate void WindowMergeFunction<W>(
    W mergeResult, IReadOnlyList<W> mergedWindows, W stateWindowResult, IReadOnlyList<W> mergedStateWindows);
