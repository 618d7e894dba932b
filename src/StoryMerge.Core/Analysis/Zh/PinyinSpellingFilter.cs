using Lucene.Net.Analysis;
using StoryMerge.Core.Analysis.Chain;

namespace StoryMerge.Core.Analysis.Zh;

/// <summary>Respells the pinyin neutral forms of Chinese words the way other scripts write the same sounds, so a transliterated name keys like its source: 詹姆斯 zhanmusi → jamusi (James), 西蒙 ximeng → sime (Simon).</summary>
/// <remarks>
/// Chinese writes a foreign name with the syllables closest to it, and pinyin spells those with letters other
/// scripts use differently: zh and j are one sound (j), x is an s, q a ch; a syllable-final n or ng is mostly a
/// nasal added to fit a syllable, so it is dropped. Runs after <see cref="NeutralFormFilter"/>; the term and the
/// surface are left as written, and words not written in Han characters are left alone.
/// </remarks>
public sealed class PinyinSpellingFilter : TokenFilter
{
    private readonly IWordAttribute _word;

    /// <summary>A filter over <paramref name="input"/> (neutral forms already filled in).</summary>
    public PinyinSpellingFilter(TokenStream input) : base(input) => _word = AddAttribute<IWordAttribute>();

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        if (!CharacterScripts.HasHan(_word.Surface)) return true;   // Latin words and digits in Chinese text keep their spelling
        _word.Neutral = Respell(_word.Neutral);
        _word.NeutralSurface = Respell(_word.NeutralSurface);
        return true;
    }

    /// <summary>The pinyin <paramref name="neutral"/> (ASCII, no tones, no spaces) respelled; any other text passes unchanged in its letters.</summary>
    public static string Respell(string neutral)
    {
        ArgumentNullException.ThrowIfNull(neutral);
        if (neutral.Length == 0) return neutral;
        var result = new System.Text.StringBuilder(neutral.Length);
        for (int i = 0; i < neutral.Length; i++)
        {
            char c = neutral[i];
            char next = i + 1 < neutral.Length ? neutral[i + 1] : '\0';
            if (c == 'z' && next == 'h') { result.Append('j'); i++; continue; }
            if (c == 'x') { result.Append('s'); continue; }
            if (c == 'q') { result.Append("ch"); continue; }
            if (c == 'n' && i > 0 && IsVowel(neutral[i - 1]))
            {
                // A nasal closes the syllable when no vowel follows it (an n before a vowel starts the next one).
                if (next == 'g' && !IsVowel(At(neutral, i + 2))) { i++; continue; }
                if (!IsVowel(next)) continue;
            }
            result.Append(c);
        }
        return result.ToString();
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'v';
}
