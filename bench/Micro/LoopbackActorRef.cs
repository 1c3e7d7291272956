using Akka.Actor;

namespace ActorStream.Bench.Micro;

/// <summary>
/// An actor reference without an actor system: <see cref="ICanTell.Tell"/> calls a delegate on the sender's thread,
/// so the exchange's sending and receiving ends can be wired to each other directly.
/// </summary>
internal sealed class LoopbackActorRef(string name, Action<object> receive) : MinimalActorRef
{
    /// <inheritdoc />
    public override ActorPath Path { get; } = new RootActorPath(Address.AllSystems) / name;

    /// <inheritdoc />
    public override IActorRefProvider Provider => throw new NotSupportedException("A loopback reference belongs to no actor system.");

    /// <inheritdoc />
    protected override void TellInternal(object message, IActorRef sender) => receive(message);
}
