using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace StoryMerge.Core.Analysis.Chain;

/// <summary>Marks words written wholly in hiragana as function words: Japanese writes names and nouns in kanji or katakana, and what the segmenter leaves in hiragana is grammar (particles の, に, は; auxiliaries and verb endings される, という).</summary>
/// <remarks>Without it every particle of three or more letters in the neutral form (niyotte, nitsuite) became a name key, since a script without capitals makes every content word a possible name.</remarks>
public sealed class HiraganaFunctionWordFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IWordAttribute _word;

    /// <summary>A filter over <paramref name="input"/> (after <see cref="StopWordMarkFilter"/>).</summary>
    public HiraganaFunctionWordFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _word = AddAttribute<IWordAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        if (!_word.IsStopWord && IsHiragana()) _word.IsStopWord = true;
        return true;
    }

    private bool IsHiragana()
    {
        if (_term.Length == 0) return false;
        var buffer = _term.Buffer;
        for (int i = 0; i < _term.Length; i++)
            if (!CharacterScripts.IsHiragana(buffer[i])) return false;
        return true;
    }
}
