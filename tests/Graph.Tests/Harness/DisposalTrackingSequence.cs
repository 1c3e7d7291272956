using System.Collections;

namespace ActorStream.Graph.Tests.Harness;

/// <summary>A sequence that counts how many of its enumerators were disposed.</summary>
public sealed class DisposalTrackingSequence<T>(params T[] items) : IEnumerable<T>
{
    /// <summary>How many enumerators were disposed.</summary>
    public int Disposed { get; private set; }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => new Enumerator(this);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class Enumerator(DisposalTrackingSequence<T> sequence) : IEnumerator<T>
    {
        private int _index = -1;

        public T Current => sequence._items[_index];

        object? IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < sequence._items.Length;

        public void Reset() => _index = -1;

        public void Dispose() => sequence.Disposed++;
    }

    private readonly T[] _items = items;
}
