using StoryMerge.Core.Analysis;
using StoryMerge.Core.Retrieval;

namespace StoryMerge.Core;

/// <summary>A story after analysis: clean body, language, words, names, figures, dates and its matching features.</summary>
/// <remarks>Immutable once built; safe to share between threads.</remarks>
public sealed class AnalyzedStory
{
    public required Story Story { get; init; }

    /// <summary>The text without page furniture.</summary>
    public required string Body { get; init; }

    /// <summary>The story's title: the feed's, else the page headline found while stripping furniture, else null.</summary>
    public string? Title { get; init; }

    public required LanguageTag Language { get; init; }

    /// <summary>Whether the feed named the language (true) or StoryMerge identified it (false).</summary>
    public bool LanguageGiven { get; init; }

    public required IReadOnlyList<Sentence> Sentences { get; init; }

    public required IReadOnlyList<Token> Tokens { get; init; }

    public required IReadOnlyList<EntityMention> Entities { get; init; }

    public required IReadOnlyList<Figure> Figures { get; init; }

    public required IReadOnlyList<StatedDate> Dates { get; init; }

    /// <summary>Script-neutral keys of names, numbers and content words, for retrieval and scoring.</summary>
    public required MatchKeys Keys { get; init; }

    /// <summary>The hashed character n-gram vector of the neutral form (unit length, or all zero for an empty story).</summary>
    public required float[] Vector { get; init; }

    public StoryId Id => Story.Id;

    /// <summary>Lines of page furniture dropped from the text.</summary>
    public int DroppedLines { get; init; }

    private MatchFeatures? _features;

    /// <summary>The part of the analysis pair scoring reads (one instance per story, so caches keyed on it hit).</summary>
    public MatchFeatures Features =>
        LazyInitializer.EnsureInitialized(ref _features, () => new MatchFeatures(Id, Language, Story.Published, Keys, Vector, Quantity.Of(Figures)));

    private MergeFeatures? _mergeFeatures;

    /// <summary>The part of the analysis merging an event reads (kept by a store, so rebuilding an event analyses nothing).</summary>
    public MergeFeatures MergeFeatures => LazyInitializer.EnsureInitialized(ref _mergeFeatures, () => Core.MergeFeatures.Of(this));

    /// <summary>This story with only what scoring and merging read: its match and merge features, its keys and vector, no
    /// text, body, sentences, tokens or mentions (a large batch would otherwise hold every story's text and tokens, most of its memory).</summary>
    public AnalyzedStory Slim()
    {
        var features = Features;
        var merge = MergeFeatures;
        return new AnalyzedStory
        {
            Story = Story with { Text = "" }, Body = "", Title = Title, Language = Language, LanguageGiven = LanguageGiven,
            Sentences = [], Tokens = [], Entities = [], Figures = [], Dates = [],
            Keys = Keys, Vector = Vector, DroppedLines = DroppedLines,
            _features = features, _mergeFeatures = merge,
        };
    }
}
