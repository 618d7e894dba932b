using Lingua;

namespace StoryMerge.Core.Analysis;

/// <summary>Identifies the language of a text: by script where a script has one language, by Lingua's n-gram models among the languages it knows, by the project's own profiles for the Turkic and Iranian languages it lacks.</summary>
/// <remarks>
/// Decision order: the dominant script; a script of one language names it (Greek, Georgian, Armenian, Hebrew, Hangul,
/// Thai, Lao, Khmer, Myanmar; kana among Han means Japanese, Han alone Chinese). In Cyrillic and Latin text the own
/// profiles (function words, telling and forbidden letters) are tried first for the languages Lingua has no model of
/// (Kyrgyz, Tatar, Bashkir, Tajik, Sakha, Uzbek in both scripts, Turkmen): one of them is named only when it leads
/// every other profile and the text shows one of its marker letters. Otherwise Lingua chooses among a restricted set
/// of its languages of that script, with its models loaded per script on first use (see <see cref="ScriptDetector"/>).
/// Returns "und" when there are too few letters, when Lingua's best guess is not confident, or when no language is
/// known for the script. Thread-safe.
/// </remarks>
public sealed class LanguageIdentifier
{
    private const int MinLetters = 12;
    private const int SampleChars = 20_000;

    /// <summary>The lowest Lingua confidence (0–1) taken as an answer; below it the text is "und".</summary>
    private const double MinConfidence = 0.35;

    /// <summary>How far an own profile's score must lead the next profile to name a language Lingua lacks.</summary>
    private const double OwnProfileLead = 0.05;

    /// <summary>Texts with at least this many characters go to Lingua's trigram models alone (its low-accuracy mode, as right on a story and a fraction of the memory).</summary>
    private const int LongText = 200;

    /// <summary>The part of a long text Lingua reads (its time grows with the text; a few sentences decide).</summary>
    private const int LinguaSampleChars = 1_500;

    /// <summary>The languages Lingua has no model of, with the letters (or letter pairs) one of which a text must show before its own profile may name it.</summary>
    private static readonly Dictionary<string, string[]> OwnOnlyMarkers = new(StringComparer.Ordinal)
    {
        ["ky"] = ["ң", "ө", "ү"], ["tt"] = ["җ", "һ", "ә"], ["ba"] = ["ҙ", "ҫ", "ҡ"], ["tg"] = ["ӣ", "ӯ", "ҷ", "ҳ"], ["sah"] = ["ҕ", "ҥ", "дь"],
        ["uz"] = ["ў", "ҳ", "oʻ", "gʻ", "o'", "g'", "o‘", "g‘", "o’", "g’"], ["tk"] = ["ň", "ý", "ä"],
    };

    private static readonly ScriptDetector Latin = new(shortTextsHighAccuracy: false,
        Language.English, Language.French, Language.Spanish, Language.German, Language.Italian, Language.Portuguese, Language.Dutch,
        Language.Polish, Language.Czech, Language.Slovak, Language.Hungarian, Language.Romanian, Language.Croatian, Language.Slovene,
        Language.Turkish, Language.Azerbaijani);
    private static readonly ScriptDetector Cyrillic = new(shortTextsHighAccuracy: true,
        Language.Russian, Language.Ukrainian, Language.Belarusian, Language.Bulgarian, Language.Serbian, Language.Macedonian,
        Language.Kazakh, Language.Mongolian);
    private static readonly ScriptDetector Arabic = new(shortTextsHighAccuracy: true, Language.Arabic, Language.Persian, Language.Urdu);
    private static readonly ScriptDetector Devanagari = new(shortTextsHighAccuracy: false, Language.Hindi, Language.Marathi);

    /// <summary>Identifies the language of <paramref name="text"/>.</summary>
    public LanguageTag Identify(ReadOnlySpan<char> text)
    {
        if (text.Length > SampleChars) text = text[..SampleChars];
        var script = DominantScript(text, out int letters, out var counts);
        if (letters < MinLetters) return LanguageTag.Undetermined;
        return script switch
        {
            Script.Greek => new LanguageTag("el"),
            Script.Georgian => new LanguageTag("ka"),
            Script.Armenian => new LanguageTag("hy"),
            Script.Hebrew => new LanguageTag("he"),
            Script.Hangul => new LanguageTag("ko"),
            Script.Thai => new LanguageTag("th"),
            Script.Lao => new LanguageTag("lo"),
            Script.Khmer => new LanguageTag("km"),
            Script.Myanmar => new LanguageTag("my"),
            // Japanese writes kana between its kanji; a handful of kana in Chinese text is a quoted name.
            Script.Han or Script.Kana => new LanguageTag(counts[(int)Script.Kana] * 20 >= counts[(int)Script.Han] + counts[(int)Script.Kana] ? "ja" : "zh"),
            Script.Arabic => ByLingua(Arabic, text),
            // Lingua's Marathi model takes a third of Hindi headlines; only a story is long enough to tell the two apart.
            Script.Devanagari => text.Length >= LongText ? ByLingua(Devanagari, text) : new LanguageTag("hi"),
            Script.Cyrillic => ByProfilesThenLingua(text, script, letters, Cyrillic),
            Script.Latin => ByProfilesThenLingua(text, script, letters, Latin),
            _ => LanguageTag.Undetermined,
        };
    }

    private static LanguageTag ByLingua(ScriptDetector detector, ReadOnlySpan<char> text)
    {
        var sample = text.Length > LinguaSampleChars ? text[..LinguaSampleChars] : text;
        var confidences = (text.Length >= LongText ? detector.Long : detector.Short).ComputeLanguageConfidenceValues(sample.ToString());
        using var e = confidences.GetEnumerator();
        if (!e.MoveNext()) return LanguageTag.Undetermined;
        var (best, confidence) = (e.Current.Key, e.Current.Value);
        if (confidence < MinConfidence || best == Language.Unknown) return LanguageTag.Undetermined;
        return new LanguageTag(best.IsoCode6391().ToString().ToLowerInvariant());
    }

    private static LanguageTag ByProfilesThenLingua(ReadOnlySpan<char> text, Script script, int letters, ScriptDetector detector)
    {
        var letterCounts = new Dictionary<char, int>();
        var words = new List<string>();
        foreach (var word in Words(text))
        {
            words.Add(word);
            foreach (var c in word) letterCounts[c] = letterCounts.GetValueOrDefault(c) + 1;
        }
        if (words.Count == 0) return LanguageTag.Undetermined;

        string? best = null;
        double bestScore = 0, runnerUp = 0;
        foreach (var profile in LanguageProfiles.All)
        {
            if (profile.Script != script) continue;
            double score = Score(profile, words, letterCounts, letters);
            if (score > bestScore) { runnerUp = bestScore; bestScore = score; best = profile.Code; }
            else if (score > runnerUp) runnerUp = score;
        }
        if (best is not null && OwnOnlyMarkers.TryGetValue(best, out var markers) && bestScore - runnerUp >= OwnProfileLead && HasAny(text, markers))
            return new LanguageTag(best);
        return ByLingua(detector, text);
    }

    private static bool HasAny(ReadOnlySpan<char> text, string[] markers)
    {
        foreach (var marker in markers)
            if (text.Contains(marker, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
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

    private static List<string> Words(ReadOnlySpan<char> text)
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

    private static Script DominantScript(ReadOnlySpan<char> text, out int letters, out int[] counts)
    {
        counts = new int[(int)Script.Other + 1];
        letters = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c) && c is not (>= '\u0900' and <= '\u0DFF')) continue;   // Indic vowel signs are marks, not letters
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
        (>= '\u0370' and <= '\u03FF') or (>= '\u1F00' and <= '\u1FFF') => Script.Greek,
        >= '\u0590' and <= '\u05FF' => Script.Hebrew,
        (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF') => Script.Arabic,
        >= '\u10A0' and <= '\u10FF' => Script.Georgian,
        >= '\u0530' and <= '\u058F' => Script.Armenian,
        >= '\u0900' and <= '\u097F' => Script.Devanagari,
        >= '\u0E00' and <= '\u0E7F' => Script.Thai,
        >= '\u0E80' and <= '\u0EFF' => Script.Lao,
        >= '\u1000' and <= '\u109F' => Script.Myanmar,
        >= '\u1780' and <= '\u17FF' => Script.Khmer,
        (>= '\u1100' and <= '\u11FF') or (>= '\u3130' and <= '\u318F') or (>= '\uAC00' and <= '\uD7AF') => Script.Hangul,
        (>= '\u3040' and <= '\u30FF') or (>= '\u31F0' and <= '\u31FF') or (>= '\uFF66' and <= '\uFF9F') => Script.Kana,
        (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF') => Script.Han,
        _ => Script.Other,
    };

    /// <summary>Lingua's detectors for one script's languages: trigram models (low-accuracy mode) for long texts; for short ones all n-gram models where the script's languages are close enough to need them. Each is built on first use.</summary>
    private sealed class ScriptDetector(bool shortTextsHighAccuracy, params Language[] languages)
    {
        private readonly Lazy<LanguageDetector> _long = new(() => LanguageDetectorBuilder.FromLanguages(languages).WithLowAccuracyMode().Build());
        private readonly Lazy<LanguageDetector> _short = new(() => shortTextsHighAccuracy
            ? LanguageDetectorBuilder.FromLanguages(languages).Build()
            : LanguageDetectorBuilder.FromLanguages(languages).WithLowAccuracyMode().Build());

        public LanguageDetector Long => _long.Value;

        public LanguageDetector Short => shortTextsHighAccuracy ? _short.Value : _long.Value;
    }
}
