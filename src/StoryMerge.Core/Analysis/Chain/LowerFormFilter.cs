using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace StoryMerge.Core.Analysis.Chain;

/// <summary>Keeps the lower-case word (the term as the lower-casing filter left it), before stemming and folding change the term.</summary>
public sealed class LowerFormFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IWordAttribute _word;

    /// <summary>A filter over <paramref name="input"/>, which must already be lower case.</summary>
    public LowerFormFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _word = AddAttribute<IWordAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        _word.Lower = _term.ToString();
        return true;
    }
}
