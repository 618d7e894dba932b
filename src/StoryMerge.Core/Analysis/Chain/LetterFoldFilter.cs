using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace StoryMerge.Core.Analysis.Chain;

/// <summary>Folds the letters only some alphabets have (Kazakh қ, ң, ә; Kyrgyz ө, ү; Tatar җ; Azerbaijani ə) onto the letters a Russian or Turkish report writes for the same name (see <see cref="LetterFolder"/>).</summary>
public sealed class LetterFoldFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    /// <summary>A filter over <paramref name="input"/> (lower case).</summary>
    public LetterFoldFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var buffer = _term.Buffer;
        for (int i = 0; i < _term.Length; i++) buffer[i] = LetterFolder.FoldChar(buffer[i]);
        return true;
    }
}
