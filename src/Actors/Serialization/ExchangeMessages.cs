using ActorStream.Actors.Exchange;
using ActorStream.Graph.Serialization;

namespace ActorStream.Actors.Serialization;

/// <summary>The wire form of the data-channel events and credits (<see cref="DataBatch"/> goes through <see cref="RecordBatchCodec"/>).</summary>
internal static class ExchangeMessages
{
    /// <summary>Adds the exchange messages to <paramref name="codecs"/>.</summary>
    public static MessageCodecs AddExchange(this MessageCodecs codecs) => codecs
        .Add<ChannelWatermark>("CW",
            static (w, m) => { w.WriteVarInt(m.Channel); w.WriteVarLong(m.Watermark); },
            static r => new ChannelWatermark(r.ReadVarInt(), r.ReadVarLong()))
        .Add<ChannelWatermarkStatus>("CWS",
            static (w, m) => { w.WriteVarInt(m.Channel); w.Write(m.Idle); },
            static r => new ChannelWatermarkStatus(r.ReadVarInt(), r.ReadBoolean()))
        .Add<ChannelBarrier>("CB",
            static (w, m) => { w.WriteVarInt(m.Channel); w.WriteBarrier(m.Barrier); },
            static r => new ChannelBarrier(r.ReadVarInt(), r.ReadBarrier()))
        .Add<EndOfPartition>("EOP",
            static (w, m) => w.WriteVarInt(m.Channel),
            static r => new EndOfPartition(r.ReadVarInt()))
        .Add<Credit>("CR",
            static (w, m) => { w.WriteVarInt(m.OutputEdge); w.WriteVarInt(m.OutputChannel); w.WriteVarInt(m.Amount); },
            static r => new Credit(r.ReadVarInt(), r.ReadVarInt(), r.ReadVarInt()));
}
