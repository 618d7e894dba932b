using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace StoryMerge.Core.Analysis.Chain;

/// <summary>Drops tokens without a letter or digit (the punctuation Lucene's Chinese and ICU tokenizers emit as words, and words that folding left empty).</summary>
public sealed class SymbolDropFilter : FilteringTokenFilter
{
    private readonly ICharTermAttribute _term;

    /// <summary>A filter over <paramref name="input"/>.</summary>
    public SymbolDropFilter(TokenStream input) : base(Lucene.Net.Util.LuceneVersion.LUCENE_48, input) => _term = AddAttribute<ICharTermAttribute>();

    /// <inheritdoc/>
    protected override bool Accept()
    {
        var buffer = _term.Buffer;
        for (int i = 0; i < _term.Length; i++) if (char.IsLetterOrDigit(buffer[i])) return true;
        return false;
    }
}
