using ActorStream.Graph.Serialization;

namespace ActorStream.Graph.State;

/// <summary>The untyped view of an operator list state, for snapshots.</summary>
internal interface IOperatorListState
{
    /// <summary>How a restore redistributes it.</summary>
    OperatorStateMode Mode { get; }

    /// <summary>The identity of its element type.</summary>
    string Type { get; }

    /// <summary>Its elements, each serialized on its own.</summary>
    OperatorStateSection Snapshot();
}

/// <summary>One operator list state: a plain list in memory, written element by element at each checkpoint.</summary>
internal sealed class OperatorListState<T>(string name, OperatorStateMode mode, string type, ITypeSerializer<T> serializer)
    : IListState<T>, IOperatorListState
{
    private List<T> _elements = [];

    public OperatorStateMode Mode => mode;

    public string Type => type;

    public IReadOnlyList<T> Get() => _elements;

    public void Add(T value) => _elements.Add(value);

    public void AddAll(IEnumerable<T> values) => _elements.AddRange(values);

    public void Update(IEnumerable<T> values) => _elements = [.. values];

    public void Clear() => _elements.Clear();

    public OperatorStateSection Snapshot()
    {
        var elements = new byte[_elements.Count][];
        for (var i = 0; i < elements.Length; i++)
        {
            try
            {
                using var stream = new MemoryStream();
                using (var writer = new BinaryWriter(stream))
                    serializer.Serialize(_elements[i], writer);
                elements[i] = stream.ToArray();
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"Cannot snapshot operator state '{name}': {e.Message}", e);
            }
        }
        return new OperatorStateSection(name, mode, type, elements);
    }

    /// <summary>Appends restored elements.</summary>
    public void Load(IEnumerable<byte[]> elements)
    {
        foreach (var element in elements)
        {
            try
            {
                using var reader = new BinaryReader(new MemoryStream(element, writable: false));
                _elements.Add(serializer.Deserialize(reader));
                if (reader.BaseStream.Position != element.Length)
                    throw new InvalidDataException($"{element.Length - reader.BaseStream.Position} bytes of an element were left unread.");
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"Cannot restore operator state '{name}': {e.Message}", e);
            }
        }
    }
}
