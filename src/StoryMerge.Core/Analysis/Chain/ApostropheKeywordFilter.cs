using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace StoryMerge.Core.Analysis.Chain;

/// <summary>Marks words written with an apostrophe (a Turkish proper noun and its suffix: "Hillsborough'da") as keywords, so that once the apostrophe cut leaves the name, no stemmer shortens it further.</summary>
public sealed class ApostropheKeywordFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    /// <summary>A filter over <paramref name="input"/>.</summary>
    public ApostropheKeywordFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var buffer = _term.Buffer;
        for (int i = 1; i < _term.Length; i++)
            if (buffer[i] is '\'' or '’') { _keyword.IsKeyword = true; break; }
        return true;
    }
}
