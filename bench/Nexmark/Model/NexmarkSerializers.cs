using ActorStream.Graph.Serialization;

namespace ActorStream.Bench.Nexmark.Model;

/// <summary>
/// Compact binary serializers for the Nexmark records, registered with <see cref="TypeSerializers"/> so that keyed
/// state and the wire do not fall back to JSON for them (as a Flink user would register a POJO or Kryo serializer).
/// Each value starts with a presence byte: state may hold null (e.g. q3's seller before the person arrives).
/// </summary>
public static class NexmarkSerializers
{
    /// <summary>Registers the serializers of <see cref="Person"/>, <see cref="Auction"/> and <see cref="Bid"/>.</summary>
    public static void Register()
    {
        TypeSerializers.Register(new PersonSerializer());
        TypeSerializers.Register(new AuctionSerializer());
        TypeSerializers.Register(new BidSerializer());
    }

    private abstract class NullableSerializer<T> : ITypeSerializer<T> where T : class
    {
        public void Serialize(T value, BinaryWriter writer)
        {
            writer.Write(value is not null);
            if (value is not null)
                Write(value, writer);
        }

        public T Deserialize(BinaryReader reader) => reader.ReadBoolean() ? Read(reader) : null!;

        protected abstract void Write(T value, BinaryWriter writer);

        protected abstract T Read(BinaryReader reader);
    }

    private sealed class PersonSerializer : NullableSerializer<Person>
    {
        protected override void Write(Person p, BinaryWriter w)
        {
            w.WriteVarLong(p.Id);
            w.WriteNullableString(p.Name);
            w.WriteNullableString(p.EmailAddress);
            w.WriteNullableString(p.CreditCard);
            w.WriteNullableString(p.City);
            w.WriteNullableString(p.State);
            w.WriteVarLong(p.DateTime);
            w.WriteNullableString(p.Extra);
        }

        protected override Person Read(BinaryReader r) => new(r.ReadVarLong(), r.ReadRequiredString(), r.ReadRequiredString(),
            r.ReadRequiredString(), r.ReadRequiredString(), r.ReadRequiredString(), r.ReadVarLong(), r.ReadRequiredString());
    }

    private sealed class AuctionSerializer : NullableSerializer<Auction>
    {
        protected override void Write(Auction a, BinaryWriter w)
        {
            w.WriteVarLong(a.Id);
            w.WriteNullableString(a.ItemName);
            w.WriteNullableString(a.Description);
            w.WriteVarLong(a.InitialBid);
            w.WriteVarLong(a.Reserve);
            w.WriteVarLong(a.DateTime);
            w.WriteVarLong(a.Expires);
            w.WriteVarLong(a.Seller);
            w.WriteVarLong(a.Category);
            w.WriteNullableString(a.Extra);
        }

        protected override Auction Read(BinaryReader r) => new(r.ReadVarLong(), r.ReadRequiredString(), r.ReadRequiredString(),
            r.ReadVarLong(), r.ReadVarLong(), r.ReadVarLong(), r.ReadVarLong(), r.ReadVarLong(), r.ReadVarLong(), r.ReadRequiredString());
    }

    private sealed class BidSerializer : NullableSerializer<Bid>
    {
        protected override void Write(Bid b, BinaryWriter w)
        {
            w.WriteVarLong(b.Auction);
            w.WriteVarLong(b.Bidder);
            w.WriteVarLong(b.Price);
            w.WriteNullableString(b.Channel);
            w.WriteNullableString(b.Url);
            w.WriteVarLong(b.DateTime);
            w.WriteNullableString(b.Extra);
        }

        protected override Bid Read(BinaryReader r) => new(r.ReadVarLong(), r.ReadVarLong(), r.ReadVarLong(),
            r.ReadRequiredString(), r.ReadRequiredString(), r.ReadVarLong(), r.ReadRequiredString());
    }
}
