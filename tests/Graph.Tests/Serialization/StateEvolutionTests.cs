using ActorStream.Graph.Serialization;
using static ActorStream.Graph.Tests.State.BackendSnapshots;
using V1 = ActorStream.Graph.Tests.Serialization.Evolution.V1;

namespace ActorStream.Graph.Tests.Serialization;

/// <summary>
/// The claims of docs/state-serialization.md about changing a state type that uses the default (JSON) serializer:
/// what a restore into the changed type gives.
/// </summary>
public sealed class StateEvolutionTests
{
    private const string Key = "customer-1";
    private static readonly V1.Account Written = new("Ada", 1_500, 7);

    /// <summary>Writes <see cref="Written"/> as state "account", then restores it into <typeparamref name="TNew"/>, which the checkpoint calls by the old name.</summary>
    private static TNew Restore<TNew>(bool keepTypeName = true)
    {
        var backend = Backend<string>();
        var state = backend.GetState(new ValueStateDescriptor<V1.Account>("account"));
        backend.SetCurrentKey(Key);
        state.Update(Written);
        var blob = backend.SnapshotKeyGroup(KeyGroupOf(Key));
        if (keepTypeName)
            blob = Rename(blob, TypeIdentity.Of<V1.Account>(), TypeIdentity.Of<TNew>());

        var restored = Backend<string>();
        restored.RestoreKeyGroup(KeyGroupOf(Key), blob);
        var evolved = restored.GetState(new ValueStateDescriptor<TNew>("account"));
        restored.SetCurrentKey(Key);
        return evolved.Value();
    }

    /// <summary>Replaces the type name <paramref name="from"/> in a blob's header by <paramref name="to"/>.</summary>
    private static byte[] Rename(byte[] blob, string from, string to)
    {
        byte[] Encoded(string name)
        {
            using var stream = new MemoryStream();
            using (var writer = new BinaryWriter(stream))
                writer.WriteNullableString(name);
            return stream.ToArray();
        }
        var old = Encoded(from);
        var index = blob.AsSpan().IndexOf(old);
        Assert.True(index > 0, "type name not found");
        return [.. blob[..index], .. Encoded(to), .. blob[(index + old.Length)..]];
    }

    [Fact]
    public void Adding_a_member_should_restore_with_its_default_value()
    {
        var account = Restore<Evolution.Added.Account>();

        Assert.Equal(new Evolution.Added.Account("Ada", 1_500, 7, Level: 3) { Email = null }, account);
    }

    [Fact]
    public void Removing_a_member_should_restore_the_others_and_ignore_the_removed_value()
    {
        Assert.Equal(new Evolution.Removed.Account("Ada", 7), Restore<Evolution.Removed.Account>());
    }

    [Fact]
    public void Renaming_a_member_should_lose_its_old_value()
    {
        Assert.Equal(new Evolution.Renamed.Account("Ada", 0, 7), Restore<Evolution.Renamed.Account>());
    }

    [Fact]
    public void Changing_a_members_type_should_fail_the_restore_naming_the_state()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Restore<Evolution.Retyped.Account>());

        Assert.Equal(
            $"Cannot restore state 'account' of key group {KeyGroupOf(Key)}: The JSON value could not be converted to " +
            "ActorStream.Graph.Tests.Serialization.Evolution.Retyped.Account. Path: $.Balance | LineNumber: 0 | BytePositionInLine: 29.",
            error.Message);
    }

    [Fact]
    public void Widening_a_number_member_should_restore_because_the_json_number_still_fits()
    {
        Assert.Equal(new Evolution.Widened.Account("Ada", 1_500, 7L), Restore<Evolution.Widened.Account>());
    }

    [Fact]
    public void Changing_the_state_type_itself_should_fail_the_restore_naming_the_state()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Restore<Evolution.Added.Account>(keepTypeName: false));

        Assert.Equal(
            "Cannot restore state 'account': the checkpoint holds it as a ValueState of ActorStream.Graph.Tests.Serialization.Evolution.V1.Account, " +
            "but the operator registers it as a ValueState of ActorStream.Graph.Tests.Serialization.Evolution.Added.Account. " +
            "A state's kind and type cannot change across a restore; register the new state under a new name.", error.Message);
    }
}
