using ActorStream.Bench.Nexmark.Generator;
using ActorStream.Bench.Nexmark.Model;
using ActorStream.Graph.Serialization;
using BenchmarkDotNet.Attributes;

namespace ActorStream.Bench.Micro;

/// <summary>
/// <see cref="TypeSerializers"/> as checkpoints and state snapshots use them: a Nexmark <see cref="Bid"/> (a record with
/// no registered serializer, so System.Text.Json's fallback), a long and a string, written to and read from memory.
/// </summary>
[MemoryDiagnoser]
public class SerializerBenchmarks
{
    private readonly MemoryStream _buffer = new(capacity: 4096);
    private BinaryWriter _writer = null!;
    private BinaryReader _reader = null!;
    private ITypeSerializer<Bid> _bidSerializer = null!;
    private ITypeSerializer<long> _longSerializer = null!;
    private ITypeSerializer<string> _stringSerializer = null!;
    private Bid _bid = null!;
    private byte[] _bidBytes = [];
    private byte[] _longBytes = [];
    private byte[] _stringBytes = [];

    /// <summary>The value written as a long: an auction id.</summary>
    public const long LongValue = 1_000_123;

    /// <summary>Takes the first generated bid (57 characters of padding, a channel and a URL) and serializes each value once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _writer = new BinaryWriter(_buffer);
        _reader = new BinaryReader(_buffer);
        _bidSerializer = TypeSerializers.Get<Bid>();
        _longSerializer = TypeSerializers.Get<long>();
        _stringSerializer = TypeSerializers.Get<string>();
        var generator = new NexmarkGenerator(new GeneratorConfig());
        _bid = Enumerable.Range(0, 50).Select(i => generator.Generate(i).Bid).First(b => b is not null)!;
        _bidBytes = Bytes(w => _bidSerializer.Serialize(_bid, w));
        _longBytes = Bytes(w => _longSerializer.Serialize(LongValue, w));
        _stringBytes = Bytes(w => _stringSerializer.Serialize(_bid.Extra, w));
    }

    /// <summary>Writes the bid.</summary>
    [Benchmark]
    public long SerializeBid()
    {
        _buffer.Position = 0;
        _bidSerializer.Serialize(_bid, _writer);
        return _buffer.Position;
    }

    /// <summary>Reads the bid.</summary>
    [Benchmark]
    public Bid DeserializeBid() => _bidSerializer.Deserialize(ReaderOver(_bidBytes));

    /// <summary>Writes the long.</summary>
    [Benchmark]
    public long SerializeLong()
    {
        _buffer.Position = 0;
        _longSerializer.Serialize(LongValue, _writer);
        return _buffer.Position;
    }

    /// <summary>Reads the long.</summary>
    [Benchmark]
    public long DeserializeLong() => _longSerializer.Deserialize(ReaderOver(_longBytes));

    /// <summary>Writes the bid's padding string.</summary>
    [Benchmark]
    public long SerializeString()
    {
        _buffer.Position = 0;
        _stringSerializer.Serialize(_bid.Extra, _writer);
        return _buffer.Position;
    }

    /// <summary>Reads the padding string.</summary>
    [Benchmark]
    public string DeserializeString() => _stringSerializer.Deserialize(ReaderOver(_stringBytes));

    /// <summary>The reader positioned at the start of <paramref name="bytes"/>, copied into the shared buffer.</summary>
    private BinaryReader ReaderOver(byte[] bytes)
    {
        _buffer.Position = 0;
        _buffer.Write(bytes);
        _buffer.Position = 0;
        return _reader;
    }

    private static byte[] Bytes(Action<BinaryWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
            write(writer);
        return buffer.ToArray();
    }
}
