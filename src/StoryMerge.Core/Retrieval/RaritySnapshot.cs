namespace StoryMerge.Core.Retrieval;

/// <summary>Key rarity as a <see cref="KeyRarity"/> stood at one moment, read while the live counts move on.</summary>
/// <remarks>
/// A growing archive weighs keys with the rarity of the last refresh, so that a key's weight does not depend on when
/// it was first weighed. Rather than copying every count at each refresh, the snapshot keeps the stories counted since
/// (<see cref="Later"/>) and subtracts them. Tell it of every story the live rarity adds or removes after the moment.
/// </remarks>
public sealed class RaritySnapshot(KeyRarity live)
{
    private readonly Dictionary<string, int> _later = new(StringComparer.Ordinal);
    private int _laterDocuments;

    /// <summary>A story the live rarity counted after the moment.</summary>
    public void Later(MatchKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _laterDocuments++;
        foreach (var key in keys.All) _later[key] = _later.GetValueOrDefault(key) + 1;
    }

    /// <summary>A story the live rarity stopped counting after the moment.</summary>
    public void LaterRemoved(MatchKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _laterDocuments--;
        foreach (var key in keys.All) _later[key] = _later.GetValueOrDefault(key) - 1;
    }

    /// <summary>Stories the collection held at the moment.</summary>
    public int CollectionDocuments => live.CollectionDocuments - _laterDocuments;

    /// <summary>The key's IDF at the moment (<see cref="KeyRarity.Idf(string)"/>).</summary>
    public double Idf(string key) =>
        KeyRarity.Idf(live.BackgroundDocuments + CollectionDocuments, live.DocumentFrequency(key) - _later.GetValueOrDefault(key));
}
