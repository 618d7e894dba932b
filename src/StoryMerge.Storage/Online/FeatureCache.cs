using StoryMerge.Core;

namespace StoryMerge.Storage.Online;

/// <summary>The match features of recently used stored stories, so scoring a feed does not decode the same rows again and again.</summary>
/// <remarks>Least recently used entries go first once <see cref="Capacity"/> is reached. Not thread-safe.</remarks>
public sealed class FeatureCache(int capacity)
{
    private readonly Dictionary<long, LinkedListNode<(long Seq, MatchFeatures Features)>> _entries = [];
    private readonly LinkedList<(long Seq, MatchFeatures Features)> _order = new();

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    public int Count => _entries.Count;

    public bool TryGet(long seq, out MatchFeatures features)
    {
        if (_entries.TryGetValue(seq, out var node))
        {
            _order.Remove(node);
            _order.AddFirst(node);
            features = node.Value.Features;
            return true;
        }
        features = null!;
        return false;
    }

    public void Add(long seq, MatchFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (_entries.TryGetValue(seq, out var existing)) _order.Remove(existing);
        var node = _order.AddFirst((seq, features));
        _entries[seq] = node;
        while (_entries.Count > Capacity)
        {
            var last = _order.Last!;
            _order.RemoveLast();
            _entries.Remove(last.Value.Seq);
        }
    }

    public void Remove(long seq)
    {
        if (_entries.Remove(seq, out var node)) _order.Remove(node);
    }
}
