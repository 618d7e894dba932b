using System.Collections.Concurrent;

namespace StoryMerge.Core.Analysis;

/// <summary>Turns a word of any script into the language-neutral form used for matching: folded letters, ASCII Latin, lower case, letters and digits only.</summary>
/// <remarks>
/// Cyrillic and other scripts go through ICU's "Any-Latin; Latin-ASCII" transliterator (icu.net over the system's libicu).
/// Words are few and repeat, so results are cached; ASCII words skip ICU entirely. Thread-safe.
/// </remarks>
public sealed class NeutralForm : IDisposable
{
    private const int MaxCachedWords = 500_000;
    private readonly ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);
    private readonly Lock _icuLock = new();
    private Icu.Transliterator? _transliterator;

    /// <summary>One instance per process: ICU transliterators are costly to build.</summary>
    public static NeutralForm Shared { get; } = new();

    public string Of(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length == 0) return word;
        if (_cache.TryGetValue(word, out var cached)) return cached;
        var result = Compute(word);
        if (_cache.Count < MaxCachedWords) _cache.TryAdd(word, result);
        return result;
    }

    private string Compute(string word)
    {
        var folded = LetterFolder.Fold(word.ToLowerInvariant());
        string latin = IsAscii(folded) ? folded : Transliterate(folded);
        Span<char> buffer = latin.Length <= 256 ? stackalloc char[latin.Length] : new char[latin.Length];
        int n = 0;
        foreach (var c in latin)
        {
            char lower = char.ToLowerInvariant(c);
            if (char.IsAsciiLetterLower(lower) || char.IsAsciiDigit(lower)) buffer[n++] = lower;
        }
        return new string(buffer[..n]);
    }

    private string Transliterate(string text)
    {
        lock (_icuLock)
        {
            if (_transliterator is null)
            {
                Icu.Wrapper.Init();
                _transliterator = Icu.Transliterator.CreateInstance("Any-Latin; Latin-ASCII");
            }
            return _transliterator.Transliterate(text);
        }
    }

    private static bool IsAscii(string s)
    {
        foreach (var c in s) if (c > 127) return false;
        return true;
    }

    public void Dispose()
    {
        lock (_icuLock)
        {
            _transliterator?.Dispose();
            _transliterator = null;
        }
    }
}
