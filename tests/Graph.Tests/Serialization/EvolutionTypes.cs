// One state type in successive versions of a job. A real upgrade keeps the type's name; here each version lives in
// its own namespace, and the tests rename the type in the checkpoint to simulate the same name.
namespace ActorStream.Graph.Tests.Serialization.Evolution.V1
{
    public sealed record Account(string Owner, long Balance, int Visits);
}

namespace ActorStream.Graph.Tests.Serialization.Evolution.Added
{
    public sealed record Account(string Owner, long Balance, int Visits, int Level = 3)
    {
        public string? Email { get; init; }
    }
}

namespace ActorStream.Graph.Tests.Serialization.Evolution.Removed
{
    public sealed record Account(string Owner, int Visits);
}

namespace ActorStream.Graph.Tests.Serialization.Evolution.Renamed
{
    public sealed record Account(string Owner, long Funds, int Visits);
}

namespace ActorStream.Graph.Tests.Serialization.Evolution.Retyped
{
    public sealed record Account(string Owner, string Balance, int Visits);
}

namespace ActorStream.Graph.Tests.Serialization.Evolution.Widened
{
    public sealed record Account(string Owner, long Balance, long Visits);
}
