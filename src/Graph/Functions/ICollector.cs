namespace ActorStream.Graph;

/// <summary>Receives the records a function emits.</summary>
public interface ICollector<in T>
{
    /// <summary>Emits <paramref name="value"/>.</summary>
    void Collect(T value);
}
