using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace StoryMerge.Core.Analysis.Chain;

/// <summary>Cuts text written with spaces into words and numbers: letters with inner hyphens and apostrophes ("Касым-Жомарт", "БАҚ-та"), digits with inner separators and suffixes ("1,600", "15-20", "10-нан").</summary>
/// <remarks>
/// Lucene's StandardTokenizer and ICUTokenizer cut at every hyphen, which loses the Turkic case suffixes written after
/// one and the ranges the figure extractor reads, so scripts written with spaces use this tokenizer. No length limit:
/// a token is as long as the run of letters. One pass over the characters, no regular expressions.
/// </remarks>
public sealed class WordTokenizer : Tokenizer
{
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private string _text = string.Empty;
    private int _position;

    /// <summary>A tokenizer over <paramref name="input"/>.</summary>
    public WordTokenizer(TextReader input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        ClearAttributes();
        var text = _text;
        int i = _position;
        while (i < text.Length && !char.IsLetterOrDigit(text[i])) i++;
        if (i >= text.Length) { _position = i; return false; }
        int start = i;
        bool digits = char.IsDigit(text[i]);
        i++;
        while (i < text.Length)
        {
            char d = text[i];
            if (char.IsLetterOrDigit(d) || char.GetUnicodeCategory(d) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark) { i++; continue; }
            bool joiner = d is '-' or '\u2011' or '\'' or '’' or 'ʼ' or 'ʻ' || (digits && d is '.' or ',');
            if (joiner && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])) { i += 2; continue; }
            break;
        }
        _position = i;
        _term.SetEmpty().Append(text, start, i - start);
        var buffer = _term.Buffer;
        for (int k = 0; k < _term.Length; k++) if (buffer[k] == '\u2011') buffer[k] = '-';
        _offset.SetOffset(CorrectOffset(start), CorrectOffset(i));
        return true;
    }

    /// <inheritdoc/>
    public override void End()
    {
        base.End();
        int final = CorrectOffset(_text.Length);
        _offset.SetOffset(final, final);
    }

    /// <inheritdoc/>
    public override void Reset()
    {
        base.Reset();
        _text = m_input.ReadToEnd() ?? string.Empty;   // Lucene.Net's reusable string reader answers null for an empty text
        _position = 0;
    }
}
