using ActorStream.Bench.Nexmark.Queries;
using ActorStream.Graph.Serialization;

namespace ActorStream.Bench.Nexmark.Model;

/// <summary>
/// Compact binary serializers for the Nexmark records, registered with <see cref="TypeSerializers"/> so that keyed
/// state and the wire do not fall back to JSON for them (as a Flink user would register a POJO or Kryo serializer).
/// Each value starts with a presence byte: state may hold null (e.g. q3's seller before the person arrives).
/// </summary>
public static class NexmarkSerializers
{
    /// <summary>
    /// Registers the serializers of <see cref="Person"/>, <see cref="Auction"/> and <see cref="Bid"/>, and of the
    /// projections the queries keep in keyed state.
    /// </summary>
    public static void Register()
    {
        Register<Person>(
            (p, w) =>
            {
                w.WriteVarLong(p.Id);
                w.WriteNullableString(p.Name);
                w.WriteNullableString(p.EmailAddress);
                w.WriteNullableString(p.CreditCard);
                w.WriteNullableString(p.City);
                w.WriteNullableString(p.State);
                w.WriteVarLong(p.DateTime);
                w.WriteNullableString(p.Extra);
            },
            r => new(r.ReadVarLong(), r.ReadRequiredString(), r.ReadRequiredString(), r.ReadRequiredString(),
                r.ReadRequiredString(), r.ReadRequiredString(), r.ReadVarLong(), r.ReadRequiredString()));
        Register<Auction>(
            (a, w) =>
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
            },
            r => new(r.ReadVarLong(), r.ReadRequiredString(), r.ReadRequiredString(), r.ReadVarLong(), r.ReadVarLong(),
                r.ReadVarLong(), r.ReadVarLong(), r.ReadVarLong(), r.ReadVarLong(), r.ReadRequiredString()));
        Register<Bid>(
            (b, w) =>
            {
                w.WriteVarLong(b.Auction);
                w.WriteVarLong(b.Bidder);
                w.WriteVarLong(b.Price);
                w.WriteNullableString(b.Channel);
                w.WriteNullableString(b.Url);
                w.WriteVarLong(b.DateTime);
                w.WriteNullableString(b.Extra);
            },
            r => new(r.ReadVarLong(), r.ReadVarLong(), r.ReadVarLong(), r.ReadRequiredString(), r.ReadRequiredString(),
                r.ReadVarLong(), r.ReadRequiredString()));
        Register<Q3LocalItemSuggestion.Seller>(
            (s, w) => { w.WriteVarLong(s.Id); w.WriteNullableString(s.Name); w.WriteNullableString(s.City); w.WriteNullableString(s.State); },
            r => new(r.ReadVarLong(), r.ReadRequiredString(), r.ReadRequiredString(), r.ReadRequiredString()));
        Register<Q3LocalItemSuggestion.SellerAuction>(
            (a, w) => { w.WriteVarLong(a.Id); w.WriteVarLong(a.Seller); },
            r => new(r.ReadVarLong(), r.ReadVarLong()));
        Register<Q4AveragePriceForCategory.AuctionTerms>(
            (a, w) => { w.WriteVarLong(a.Id); w.WriteVarLong(a.Category); w.WriteVarLong(a.DateTime); w.WriteVarLong(a.Expires); },
            r => new(r.ReadVarLong(), r.ReadVarLong(), r.ReadVarLong(), r.ReadVarLong()));
        Register<Q4AveragePriceForCategory.Average>(
            (a, w) => { w.WriteVarLong(a.Sum); w.WriteVarLong(a.Count); },
            r => new(r.ReadVarLong(), r.ReadVarLong()));
        Register<Q8MonitorNewUsers.NewUser>(
            (u, w) => { w.WriteVarLong(u.Id); w.WriteNullableString(u.Name); w.WriteVarLong(u.DateTime); },
            r => new(r.ReadVarLong(), r.ReadRequiredString(), r.ReadVarLong()));
    }

    private static void Register<T>(Action<T, BinaryWriter> write, Func<BinaryReader, T> read) where T : class =>
        TypeSerializers.Register(new NullableSerializer<T>(write, read));

    /// <summary>A presence byte, then the fields <paramref name="write"/> writes.</summary>
    private sealed class NullableSerializer<T>(Action<T, BinaryWriter> write, Func<BinaryReader, T> read) : ITypeSerializer<T>
        where T : class
    {
        public void Serialize(T value, BinaryWriter writer)
        {
            writer.Write(value is not null);
            if (value is not null)
                write(value, writer);
        }

        public T Deserialize(BinaryReader reader) => reader.ReadBoolean() ? read(reader) : null!;
    }
}
