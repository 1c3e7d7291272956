namespace ActorStream.Graph.State;

/// <summary>The kinds of keyed state, with the tags checkpoints record for them (never renumber).</summary>
internal enum StateKind : byte
{
    Value = 1,
    List = 2,
    Map = 3,
    Reducing = 4,
    Aggregating = 5,
}
