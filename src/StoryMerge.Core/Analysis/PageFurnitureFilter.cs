using System.Globalization;

namespace StoryMerge.Core.Analysis;

/// <summary>Removes page furniture (navigation, tag lines, tickers, rubrics, counters, photo credits) from a story's text.</summary>
/// <remarks>
/// Works on lines. A <em>body line</em> is prose: it ends like a sentence and has a few words, or it is long.
/// Everything before the first body line is page header (one headline is kept as the title), everything after the
/// last body line is page footer (tags, tickers, related links); a long prose line in the header (a lede written without
/// a full stop) is kept. Between the first and last body lines, lines are kept unless they are
/// clearly furniture on their own: a bare time or counter, a photo credit, a hashtag line, a repeated line.
/// Thread-safe and stateless.
/// </remarks>
public sealed class PageFurnitureFilter
{
    private const int MinWordsInSentenceLine = 4;
    private const int MinWordsInUnpunctuatedBodyLine = 25;
    private const double NavigationCapitalisedShare = 0.6;
    private const int MinWordsInHeaderProse = 12;

    private static readonly string[] CreditPrefixes =
        ["фото:", "фото -", "photo:", "photo by", "foto:", "fotoğraf:", "сурет:", "суреттер:", "видео:", "video:", "источник:", "source:", "автор фото", "фото ", "credit:", "getty images", "reuters/", "ap photo"];

    /// <summary>Splits raw text into the story body and, when the page carries one, its headline.</summary>
    public StrippedText Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n')
            .Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0) return new StrippedText(string.Empty, null, 0);

        int first = lines.FindIndex(IsBodyLine), last = lines.FindLastIndex(IsBodyLine);
        if (first < 0)
        {
            // No prose at all: keep what is not obviously furniture rather than return nothing.
            var kept = lines.Where(l => !IsFurnitureOnItsOwn(l)).ToList();
            return new StrippedText(string.Join('\n', kept), null, lines.Count - kept.Count);
        }

        var header = lines.Take(first).ToList();
        var title = ChooseHeadline(header);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (title is not null) seen.Add(Key(title));
        var body = new List<string>();
        // A lede written without a full stop still belongs to the story: prose-like header lines other than the headline.
        foreach (var line in header)
            if (CountWords(line) >= MinWordsInHeaderProse && !IsFurnitureOnItsOwn(line) && !LooksLikeNavigation(line) && seen.Add(Key(line)))
                body.Add(line);
        for (int i = first; i <= last; i++)
        {
            var line = lines[i];
            if (IsFurnitureOnItsOwn(line) || !seen.Add(Key(line))) continue;
            body.Add(line);
        }
        return new StrippedText(string.Join('\n', body), title, lines.Count - body.Count - (title is null ? 0 : 1));
    }

    internal static bool IsBodyLine(string line)
    {
        if (IsFurnitureOnItsOwn(line)) return false;
        int words = CountWords(line);
        if (words >= MinWordsInUnpunctuatedBodyLine) return true;
        return words >= MinWordsInSentenceLine && EndsLikeSentence(line) && !LooksLikeNavigation(line);
    }

    /// <summary>Lines that are furniture wherever they stand.</summary>
    internal static bool IsFurnitureOnItsOwn(string line)
    {
        var l = line.TrimStart('•', '·', '-', '–', '—', '|', ' ');
        if (l.Length == 0) return true;
        if (IsTimeOrCounterOrDate(l)) return true;
        var lower = l.ToLowerInvariant();
        foreach (var prefix in CreditPrefixes)
            if (lower.StartsWith(prefix, StringComparison.Ordinal) && CountWords(l) <= 8) return true;
        var words = l.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 0 && words.Count(w => w.StartsWith('#')) * 2 >= words.Length) return true;
        return false;
    }

    private static bool IsTimeOrCounterOrDate(string l)
    {
        // "12:36", "68", "28 ноября, 2025", "2025-11-28 12:00": no letters beyond a month name and few characters.
        if (l.Length > 32) return false;
        int letters = 0, digits = 0;
        foreach (var c in l)
        {
            if (char.IsLetter(c)) letters++;
            else if (char.IsDigit(c)) digits++;
        }
        if (digits == 0) return false;
        if (letters == 0) return true;
        var words = l.Split([' ', ',', '.'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 4 && letters <= 10 && digits >= 2 && !EndsLikeSentence(l);
    }

    private static bool LooksLikeNavigation(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 5) return false;
        int capitalised = words.Count(w => char.IsUpper(w[0]) || char.IsDigit(w[0]));
        return (double)capitalised / words.Length >= NavigationCapitalisedShare;
    }

    private static string? ChooseHeadline(List<string> header)
    {
        // The headline is the header's first line that reads like a phrase (not navigation, not furniture) and is short
        // enough to be a headline rather than the lede.
        return header.FirstOrDefault(l => !IsFurnitureOnItsOwn(l) && !LooksLikeNavigation(l) && CountWords(l) is >= 3 and < MinWordsInHeaderProse);
    }

    private static bool EndsLikeSentence(string line)
    {
        var c = line[^1];
        return c is '.' or '!' or '?' or '…' or '"' or '»' or '”' or ':' or ';' or ')' or '\'' or '“'
            // the full stops, marks and closing quotes of other scripts: CJK 。！？」』）, Devanagari danda ।, Armenian ։,
            // Arabic ؟ and ۔, Ethiopic ።, Myanmar ။, Thai has none (a space ends its sentences)
            or '。' or '！' or '？' or '」' or '』' or '）' or '．' or '।' or '॥' or '։' or '؟' or '۔' or '።' or '။';
    }

    /// <summary>Words of <paramref name="line"/>: runs of letters and digits; in scripts written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) every two characters count as one word, about the length of a word there.</summary>
    internal static int CountWords(string line)
    {
        int count = 0, unspaced = 0;
        bool inWord = false;
        foreach (var c in line)
        {
            if (CharacterScripts.IsWrittenWithoutSpaces(c))
            {
                unspaced++;
                inWord = false;
                continue;
            }
            bool letter = char.IsLetterOrDigit(c);
            if (letter && !inWord) count++;
            inWord = letter || (inWord && (c is '-' or '\'' or '’'));
        }
        return count + (unspaced + 1) / 2;
    }

    private static string Key(string line) => line.ToLower(CultureInfo.InvariantCulture);
}

/// <summary>A story body without page furniture, the headline found in the page header, and how many lines were dropped.</summary>
public sealed record StrippedText(string Body, string? Headline, int DroppedLines);
