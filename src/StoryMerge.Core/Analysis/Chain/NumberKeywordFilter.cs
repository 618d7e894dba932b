using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace StoryMerge.Core.Analysis.Chain;

/// <summary>Marks numbers ("10-нан", "1,600") as keywords, so the stemmers that follow leave them whole for the figure extractor.</summary>
public sealed class NumberKeywordFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    /// <summary>A filter over <paramref name="input"/>.</summary>
    public NumberKeywordFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        if (_term.Length > 0 && char.IsDigit(_term.Buffer[0])) _keyword.IsKeyword = true;
        return true;
    }
}
