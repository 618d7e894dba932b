using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace StoryMerge.Core.Analysis.Chain;

/// <summary>Runs one of the project's light stemmers (Turkic, East Slavic, Turkish, English) on each term that is not a keyword.</summary>
public sealed class LightStemFilter : TokenFilter
{
    private readonly ILightStemmer _stemmer;
    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    /// <summary>A filter over <paramref name="input"/> (lower case) stemming with <paramref name="stemmer"/>.</summary>
    public LightStemFilter(TokenStream input, ILightStemmer stemmer) : base(input)
    {
        ArgumentNullException.ThrowIfNull(stemmer);
        _stemmer = stemmer;
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        if (_keyword.IsKeyword) return true;
        var term = _term.ToString();
        var stem = _stemmer.Stem(term);
        if (!ReferenceEquals(stem, term)) _term.SetEmpty().Append(stem);
        return true;
    }
}
