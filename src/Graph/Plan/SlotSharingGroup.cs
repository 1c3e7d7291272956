namespace ActorStream.Graph.Plan;

/// <summary>Names of slot sharing groups.</summary>
public static class SlotSharingGroup
{
    /// <summary>The group of operators that set none and read no operator of another group.</summary>
    public const string Default = "default";

    /// <summary>Returns <paramref name="name"/> when it can name a group; throws otherwise.</summary>
    public static string Check(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("A slot sharing group needs a non-empty name; omit the call to inherit the inputs' group.", nameof(name));
        return name;
    }
}
