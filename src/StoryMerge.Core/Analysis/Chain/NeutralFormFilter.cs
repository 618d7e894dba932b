using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace StoryMerge.Core.Analysis.Chain;

/// <summary>Fills in the language-neutral forms (ASCII Latin, see <see cref="NeutralForm"/>) of the final term and of the lower-case word; the last filter of every chain.</summary>
public sealed class NeutralFormFilter : TokenFilter
{
    private readonly NeutralForm _neutral;
    private readonly ICharTermAttribute _term;
    private readonly IWordAttribute _word;

    /// <summary>A filter over <paramref name="input"/> writing neutral forms with <paramref name="neutral"/>.</summary>
    public NeutralFormFilter(TokenStream input, NeutralForm neutral) : base(input)
    {
        ArgumentNullException.ThrowIfNull(neutral);
        _neutral = neutral;
        _term = AddAttribute<ICharTermAttribute>();
        _word = AddAttribute<IWordAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var term = _term.ToString();
        _word.Neutral = _neutral.Of(term);
        _word.NeutralSurface = _word.Lower.Length == 0 || _word.Lower == term ? _word.Neutral : _neutral.Of(_word.Lower);
        return true;
    }
}
