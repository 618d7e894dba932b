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
    /// <summary>Concepts: content words mapped through the learned lexicon to one pivot word (police = полиция = polis).</summary>
    Concept,
}

/// <summary>A story's script-neutral keys by family, each key once.</summary>
/// <remarks>Keys carry a family prefix ("n:", "#", "w:", "c:") so one index can hold all families.</remarks>
public sealed class MatchKeys(IReadOnlySet<string> names, IReadOnlySet<string> numbers, IReadOnlySet<string> words, IReadOnlySet<string> concepts)
{
    public static MatchKeys Empty { get; } = new(new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>());

    public IReadOnlySet<string> Names { get; } = names;

    public IReadOnlySet<string> Numbers { get; } = numbers;

    public IReadOnlySet<string> Words { get; } = words;

    public IReadOnlySet<string> Concepts { get; } = concepts;

    public IReadOnlySet<string> Of(KeyFamily family) => family switch
    {
        KeyFamily.Name => Names,
        KeyFamily.Number => Numbers,
        KeyFamily.Word => Words,
        _ => Concepts,
    };

    public IEnumerable<string> All => Names.Concat(Numbers).Concat(Words).Concat(Concepts);

    public int Count => Names.Count + Numbers.Count + Words.Count + Concepts.Count;
}
