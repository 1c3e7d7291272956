using System.Linq.Expressions;
using System.Reflection;

namespace ActorStream.Graph.Serialization;

/// <summary>
/// A plain data type (<see cref="PlainDataShape"/>) as a presence flag (reference types) and its members in a fixed
/// order, each with its own wire serializer: no names, no text. Only for data in flight between nodes, whose two ends
/// run the same build of the job; state keeps the JSON by member name, which survives a change of the type.
/// The reading and writing code is compiled once per type from expression trees.
/// </summary>
public sealed class PositionalSerializer<T> : ITypeSerializer<T>
{
    private static readonly bool Flagged = !typeof(T).IsValueType; // a reference may be null
    private readonly Action<T, BinaryWriter> _write;
    private readonly Func<BinaryReader, T> _read;

    private PositionalSerializer(Action<T, BinaryWriter> write, Func<BinaryReader, T> read) => (_write, _read) = (write, read);

    /// <summary>The serializer of <typeparamref name="T"/>, or null when it is not plain data.</summary>
    internal static PositionalSerializer<T>? TryCreate(Func<Type, object> memberSerializer)
    {
        if (PlainDataShape.Of(typeof(T)) is not { } shape)
            return null;
        var serializers = shape.Members.ToDictionary(m => m, m => memberSerializer(PlainDataShape.TypeOf(m)));
        return new PositionalSerializer<T>(Writer(shape, serializers), Reader(shape, serializers));
    }

    /// <inheritdoc />
    public void Serialize(T value, BinaryWriter writer)
    {
        if (Flagged)
        {
            writer.Write(value is not null);
            if (value is null)
                return;
        }
        _write(value, writer);
    }

    /// <inheritdoc />
    public T Deserialize(BinaryReader reader) => Flagged && !reader.ReadBoolean() ? default! : _read(reader);

    private static Action<T, BinaryWriter> Writer(PlainDataShape shape, Dictionary<MemberInfo, object> serializers)
    {
        var value = Expression.Parameter(typeof(T), "value");
        var writer = Expression.Parameter(typeof(BinaryWriter), "writer");
        var writes = shape.Members.Select(m => Expression.Call(Serializer(m, serializers, out var type),
            type.GetMethod(nameof(ITypeSerializer<T>.Serialize))!, Expression.MakeMemberAccess(value, m), writer));
        return Expression.Lambda<Action<T, BinaryWriter>>(Expression.Block(typeof(void), writes), value, writer).Compile();
    }

    /// <summary>The member's serializer as a constant of its interface type, ITypeSerializer of the member's type.</summary>
    private static ConstantExpression Serializer(MemberInfo member, Dictionary<MemberInfo, object> serializers, out Type type)
    {
        type = typeof(ITypeSerializer<>).MakeGenericType(PlainDataShape.TypeOf(member));
        return Expression.Constant(serializers[member], type);
    }

    private static Func<BinaryReader, T> Reader(PlainDataShape shape, Dictionary<MemberInfo, object> serializers)
    {
        var reader = Expression.Parameter(typeof(BinaryReader), "reader");
        Expression Read(MemberInfo member) =>
            Expression.Call(Serializer(member, serializers, out var type), type.GetMethod(nameof(ITypeSerializer<T>.Deserialize))!, reader);
        // Arguments and assignments are evaluated in order: the wire order of the members.
        Expression created = shape.Constructor is { } constructor
            ? Expression.New(constructor, shape.ConstructorMembers.Select(Read))
            : Expression.New(typeof(T));
        if (shape.AssignedMembers.Count == 0)
            return Expression.Lambda<Func<BinaryReader, T>>(created, reader).Compile();
        var result = Expression.Variable(typeof(T), "result");
        var body = new List<Expression> { Expression.Assign(result, created) };
        foreach (var member in shape.AssignedMembers)
        {
            body.Add(member is PropertyInfo property
                ? Expression.Call(result, PlainDataShape.SetterOf(property)!, Read(member))
                : Expression.Assign(Expression.Field(result, (FieldInfo)member), Read(member)));
        }
        body.Add(result);
        return Expression.Lambda<Func<BinaryReader, T>>(Expression.Block([result], body), reader).Compile();
    }
}
