using System.Reflection;

namespace ActorStream.Graph.Operators;

/// <summary>Gives each subtask its own copy of a user function object, as Flink does by serialising it.</summary>
internal static class FunctionCopies
{
    private static readonly MethodInfo MemberwiseCloneMethod =
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!;

    /// <summary>A shallow copy of <paramref name="function"/> when it is a rich function; delegates and stateless functions are shared.</summary>
    public static T PerSubtask<T>(T function) where T : class =>
        function is RichFunction ? (T)MemberwiseCloneMethod.Invoke(function, null)! : function;

    /// <summary>
    /// Opens <paramref name="function"/> when it is a rich function; <paramref name="initializeState"/> runs between
    /// setting its runtime context and Open, as Flink initializes a checkpointed function's state before it opens.
    /// </summary>
    public static void Open(object function, IRuntimeContext context, Action? initializeState = null)
    {
        if (function is RichFunction rich)
            rich.SetRuntimeContext(context);
        initializeState?.Invoke();
        if (function is RichFunction opened)
            opened.Open();
    }

    /// <summary>Closes <paramref name="function"/> when it is a rich function.</summary>
    public static void Close(object function)
    {
        if (function is RichFunction rich)
            rich.Close();
    }
}
