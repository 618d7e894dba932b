namespace StoryMerge.Core.Retrieval;

/// <summary>How rare a match key is: document frequencies from the shipped background plus the stories seen so far.</summary>
/// <remarks>
/// A collection of five stories says nothing about which words are common, so the background counts (learned from
/// the development sets by <c>storymerge learn</c>) come first and the collection's own counts are added as stories
/// arrive. Not thread-safe for writes: add and remove stories from one thread, read from any once writing stops.
/// </remarks>
public sealed class KeyRarity
{
    private readonly BackgroundModel _background;
    private readonly Dictionary<string, int> _collection = new(StringComparer.Ordinal);

    public KeyRarity(BackgroundModel background)
    {
        ArgumentNullException.ThrowIfNull(background);
        _background = background;
    }

    /// <summary>A copy with the same counts, to be advanced on its own (a look-ahead thread counts the stories it has seen).</summary>
    public KeyRarity Clone()
    {
        var copy = new KeyRarity(_background) { CollectionDocuments = CollectionDocuments };
        foreach (var (key, n) in _collection) copy._collection[key] = n;
        return copy;
    }

    /// <summary>Stories counted from the collection.</summary>
    public int CollectionDocuments { get; private set; }

    /// <summary>Stories of the collection (not the background) that hold the key.</summary>
    public int CollectionFrequency(string key) => _collection.GetValueOrDefault(key);

    public int DocumentFrequency(string key) => _background.DocumentFrequency(key) + _collection.GetValueOrDefault(key);

    /// <summary>Inverse document frequency: ln((N + 1) / (df + 0.5)), never below zero.</summary>
    public double Idf(string key) => Idf(_background.Documents + CollectionDocuments, DocumentFrequency(key));

    /// <summary>The IDF of a key held by <paramref name="frequency"/> of <paramref name="documents"/> stories.</summary>
    public static double Idf(double documents, double frequency) => Math.Max(0, Math.Log((documents + 1) / (frequency + 0.5)));

    /// <summary>Stories of the shipped background.</summary>
    public int BackgroundDocuments => _background.Documents;

    public void Add(MatchKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        CollectionDocuments++;
        foreach (var key in keys.All) _collection[key] = _collection.GetValueOrDefault(key) + 1;
    }

    /// <summary>Adds counts kept elsewhere (a store's index): <paramref name="stories"/> documents holding the keys as given.</summary>
    public void AddCounts(IEnumerable<(string Key, int Stories)> counts, int stories)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentOutOfRangeException.ThrowIfNegative(stories);
        CollectionDocuments += stories;
        foreach (var (key, n) in counts)
            if (n > 0) _collection[key] = _collection.GetValueOrDefault(key) + n;
    }

    public void Remove(MatchKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        CollectionDocuments = Math.Max(0, CollectionDocuments - 1);
        foreach (var key in keys.All)
        {
            int n = _collection.GetValueOrDefault(key) - 1;
            if (n <= 0) _collection.Remove(key); else _collection[key] = n;
        }
    }
}
