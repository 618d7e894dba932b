using StoryMerge.Core.Analysis.Chain;
using StoryMerge.Core.Retrieval;

namespace StoryMerge.Core.Analysis;

/// <summary>Runs the analysis on one story: furniture → language → sentences → the language's Lucene chain (tokens, stop words, stems, folding, neutral form) → entities, figures, dates → keys and vector.</summary>
/// <remarks>Immutable and thread-safe: build once, share.</remarks>
public sealed class StoryAnalyzer(AnalysisOptions options, NeutralForm neutralForm, Lexicon lexicon)
{
    private readonly PageFurnitureFilter _furniture = new();
    private readonly LanguageIdentifier _languages = new();
    private readonly SentenceSplitter _sentences = new();
    private readonly AnalyzerRegistry _chains = new(neutralForm);
    private readonly EntityTagger _entities = new();
    private readonly FigureExtractor _figures = new();
    private readonly DateExtractor _dates = new();
    private readonly MatchKeyExtractor _keys = new(lexicon);
    private readonly NgramEmbedder _embedder = new(options.VectorDimensions);

    public AnalysisOptions Options => options;

    /// <exception cref="ArgumentException">The story is longer than <see cref="AnalysisOptions.MaxStoryChars"/>.</exception>
    public AnalyzedStory Analyze(Story story)
    {
        ArgumentNullException.ThrowIfNull(story);
        if (story.Text.Length > options.MaxStoryChars)
            throw new ArgumentException($"Story '{story.Id}' has {story.Text.Length:N0} characters; the limit is {options.MaxStoryChars:N0} (analysis.maxStoryChars).", nameof(story));

        var stripped = _furniture.Strip(story.Text);
        var title = string.IsNullOrWhiteSpace(story.Title) ? stripped.Headline : story.Title.Trim();
        var body = stripped.Body;
        var language = story.Language.IsKnown ? story.Language : _languages.Identify(body.Length > 0 ? body : story.Text);

        var chain = _chains.For(language);
        var sentences = _sentences.Split(body);
        var tokens = TokenReader.Read(chain, sentences);

        var entities = _entities.Tag(body, tokens, language);
        var figures = _figures.Extract(body, tokens);
        var dates = _dates.Extract(tokens, story.Published);

        // The headline adds evidence for matching (names, numbers) but is not part of the body.
        IReadOnlyList<Token> titleTokens = [];
        if (title is not null && !body.StartsWith(title, StringComparison.Ordinal))
            titleTokens = TokenReader.Read(chain, _sentences.Split(title));

        var keys = _keys.Extract(tokens.Concat(titleTokens).ToList(), figures, language);
        return new AnalyzedStory
        {
            Story = story,
            Body = body,
            Title = title,
            Language = language,
            LanguageGiven = story.Language.IsKnown,
            Sentences = sentences,
            Tokens = tokens,
            Entities = entities,
            Figures = figures,
            Dates = dates,
            Keys = keys,
            Vector = _embedder.Embed(tokens.Concat(titleTokens)),
            DroppedLines = stripped.DroppedLines,
        };
    }
}

/// <summary>Limits and sizes of the analysis.</summary>
public sealed record AnalysisOptions
{
    /// <summary>Longest story text accepted, in characters (default 2,000,000: far above any real report).</summary>
    public int MaxStoryChars { get; init; } = 2_000_000;

    /// <summary>Dimensions of the hashed n-gram vector (default 2048).</summary>
    public int VectorDimensions { get; init; } = 2048;
}
