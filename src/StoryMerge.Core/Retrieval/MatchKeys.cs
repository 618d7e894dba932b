namespace StoryMerge.Core.Retrieval;

/// <summary>The families of match keys; each is compared on its own and weighted in the pair score.</summary>
public enum KeyFamily
{
    /// <summary>Names: consonant skeletons of capitalised words and acronyms (Sturridge = Старридж = Старыдж).</summary>
    Name,
    /// <summary>Numbers: figure values and years.</summary>
    Number,
    /// <summary>Content words: consonant skeletons of the first sound classes, across scripts.</summary>
    Word,
}

/// <summary>A story's script-neutral keys by family, each key once.</summary>
/// <remarks>Keys carry a one-letter family prefix ("n:", "#", "w:") so one index can hold all families.</remarks>
public sealed class MatchKeys(IReadOnlySet<string> names, IReadOnlySet<string> numbers, IReadOnlySet<string> words)
{
    public static MatchKeys Empty { get; } = new(new HashSet<string>(), new HashSet<string>(), new HashSet<string>());

    public IReadOnlySet<string> Names { get; } = names;

    public IReadOnlySet<string> Numbers { get; } = numbers;

    public IReadOnlySet<string> Words { get; } = words;

    public IReadOnlySet<string> Of(KeyFamily family) => family switch
    {
        KeyFamily.Name => Names,
        KeyFamily.Number => Numbers,
        _ => Words,
    };

    public IEnumerable<string> All => Names.Concat(Numbers).Concat(Words);

    public int Count => Names.Count + Numbers.Count + Words.Count;
}
