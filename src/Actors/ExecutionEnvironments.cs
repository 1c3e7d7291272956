using ActorStream.Actors.Client;

// In the API's namespace: "using ActorStream.Graph;" brings these in with the type they extend.
namespace ActorStream.Graph;

/// <summary>
/// Flink's environment factories, added to <see cref="StreamExecutionEnvironment"/> by the runtime assembly as C# 14
/// static extension members: the API assembly names no runtime type, and a program that calls them references the
/// runtime at compile time, so nothing is looked up by type name at run time.
/// </summary>
public static class ExecutionEnvironments
{
    extension(StreamExecutionEnvironment)
    {
        /// <summary>An environment that runs each job on a one-process local node in this process (needs nothing installed).</summary>
        public static StreamExecutionEnvironment GetExecutionEnvironment() => StreamExecutionEnvironment.Create(new LocalJobExecutor());
    }
}
