namespace ActorStream.Graph.Plan;

/// <summary>Whether an operator may share a subtask with its neighbours.</summary>
public enum ChainingStrategy
{
    /// <summary>Chains with its forward input and its forward outputs.</summary>
    Always,

    /// <summary>Starts a new chain (does not chain to its input), but later operators may chain to it.</summary>
    Head,

    /// <summary>Never chains, in either direction.</summary>
    Never,
}
