namespace StoryMerge.Core.Analysis;

/// <summary>Identifies the language of a text from its script, telling letters and function words.</summary>
/// <remarks>
/// Returns "und" when there is too little text or no profile fits. Scripts with one language of their own
/// (Greek, Georgian, Armenian, Hebrew) are named by script. Thread-safe and stateless.
/// </remarks>
public sealed class LanguageIdentifier
{
    private const int MinLetters = 12;
    private const int SampleChars = 20_000;

    /// <summary>Identifies the language of <paramref name="text"/>.</summary>
    public LanguageTag Identify(ReadOnlySpan<char> text)
    {
        if (text.Length > SampleChars) text = text[..SampleChars];
        var script = DominantScript(text, out int letters);
        if (letters < MinLetters) return LanguageTag.Undetermined;
        switch (script)
        {
            case Script.Greek: return new LanguageTag("el");
            case Script.Georgian: return new LanguageTag("ka");
            case Script.Armenian: return new LanguageTag("hy");
            case Script.Hebrew: return new LanguageTag("he");
            case Script.Arabic: return new LanguageTag(text.IndexOfAny("پچژگ") >= 0 ? "fa" : "ar");
            case Script.Han: return new LanguageTag("zh");
            case Script.Other: return LanguageTag.Undetermined;
        }

        var letterCounts = new Dictionary<char, int>();
        var words = new List<string>();
        foreach (var word in Words(text))
        {
            words.Add(word);
            foreach (var c in word) letterCounts[c] = letterCounts.GetValueOrDefault(c) + 1;
        }
        if (words.Count == 0) return LanguageTag.Undetermined;

        string? best = null;
        double bestScore = 0;
        foreach (var profile in LanguageProfiles.All)
        {
            if (profile.Script != script) continue;
            double score = Score(profile, words, letterCounts, letters);
            if (score > bestScore) { bestScore = score; best = profile.Code; }
        }
        return best is null ? LanguageTag.Undetermined : new LanguageTag(best);
    }

    private static double Score(LanguageProfile profile, List<string> words, Dictionary<char, int> letterCounts, int letters)
    {
        int stopHits = words.Count(profile.StopWords.Contains);
        double score = (double)stopHits / words.Count;
        // Telling letters: their share of all letters, capped so a few loanwords do not decide alone.
        int telling = 0, forbidden = 0;
        foreach (var (c, n) in letterCounts)
        {
            if (profile.TellingLetters.Contains(c)) telling += n;
            if (profile.ForbiddenLetters.Contains(c)) forbidden += n;
        }
        score += Math.Min(0.3, 4.0 * telling / letters);
        score -= Math.Min(0.6, 8.0 * forbidden / letters);
        return score;
    }

    private static IEnumerable<string> Words(ReadOnlySpan<char> text)
    {
        var result = new List<string>();
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool inWord = i < text.Length && (char.IsLetter(text[i]) || ((text[i] is '\'' or '’' or 'ʻ' or '-') && start >= 0));
            if (inWord) { if (start < 0) start = i; }
            else if (start >= 0)
            {
                result.Add(text[start..i].ToString().ToLowerInvariant().TrimEnd('-', '\''));
                start = -1;
            }
        }
        return result;
    }

    private static Script DominantScript(ReadOnlySpan<char> text, out int letters)
    {
        Span<int> counts = stackalloc int[(int)Script.Other + 1];
        letters = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            counts[(int)ScriptOf(c)]++;
        }
        int best = 0;
        for (int i = 1; i < counts.Length; i++) if (counts[i] > counts[best]) best = i;
        return (Script)best;
    }

    internal static Script ScriptOf(char c) => c switch
    {
        <= '\u024F' or (>= '\u1E00' and <= '\u1EFF') or 'ʻ' or 'ʼ' => Script.Latin,
        >= '\u0400' and <= '\u052F' => Script.Cyrillic,
        >= '\u0370' and <= '\u03FF' => Script.Greek,
        >= '\u0590' and <= '\u05FF' => Script.Hebrew,
        (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') => Script.Arabic,
        >= '\u10A0' and <= '\u10FF' => Script.Georgian,
        >= '\u0530' and <= '\u058F' => Script.Armenian,
        (>= '\u4E00' and <= '\u9FFF') or (>= '\u3040' and <= '\u30FF') => Script.Han,
        _ => Script.Other,
    };
}
