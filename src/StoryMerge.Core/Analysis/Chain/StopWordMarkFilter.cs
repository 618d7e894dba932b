using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace StoryMerge.Core.Analysis.Chain;

/// <summary>Marks the function words of one language; unlike Lucene's StopFilter it keeps them, because names, figures and dates read the words around them.</summary>
public sealed class StopWordMarkFilter : TokenFilter
{
    private readonly IReadOnlySet<string> _stopWords;
    private readonly ICharTermAttribute _term;
    private readonly IWordAttribute _word;

    /// <summary>A filter over <paramref name="input"/> (lower case) marking the words of <paramref name="stopWords"/>.</summary>
    public StopWordMarkFilter(TokenStream input, IReadOnlySet<string> stopWords) : base(input)
    {
        ArgumentNullException.ThrowIfNull(stopWords);
        _stopWords = stopWords;
        _term = AddAttribute<ICharTermAttribute>();
        _word = AddAttribute<IWordAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        _word.IsStopWord = _stopWords.Count > 0 && _stopWords.Contains(_term.ToString());
        return true;
    }
}
