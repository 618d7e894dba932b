using System.Collections.Concurrent;

namespace StoryMerge.Core.Analysis;

/// <summary>Turns a word of any script into the language-neutral form used for matching: folded letters, ASCII Latin, lower case, letters and digits only.</summary>
/// <remarks>
/// Cyrillic and other scripts go through ICU's "Any-Latin; Latin-ASCII" transliterator (icu.net over the system's libicu).
/// Words are few and repeat, so results are cached; ASCII words skip ICU entirely. Thread-safe: each thread has its own
/// transliterator (an ICU transliterator is not thread-safe, and one shared behind a lock made parallel analysis wait
/// on it), and the cache is counted with its own counter (ConcurrentDictionary.Count takes every lock of the table).
/// </remarks>
public sealed class NeutralForm : IDisposable
{
    private const int MaxCachedWords = 500_000;
    private readonly ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);
    private readonly ThreadLocal<Icu.Transliterator> _transliterators = new(CreateTransliterator, trackAllValues: true);
    private int _cached;

    /// <summary>One instance per process: ICU transliterators are costly to build.</summary>
    public static NeutralForm Shared { get; } = new();

    public string Of(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length == 0) return word;
        if (_cache.TryGetValue(word, out var cached)) return cached;
        var result = Compute(word);
        if (Volatile.Read(ref _cached) < MaxCachedWords && _cache.TryAdd(word, result)) Interlocked.Increment(ref _cached);
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

    private string Transliterate(string text) => _transliterators.Value!.Transliterate(text);

    /// <summary>ICU's libraries are loaded once per process, before any thread builds its transliterator.</summary>
    private static readonly Lazy<bool> IcuLoaded = new(() => { Icu.Wrapper.Init(); return true; });

    private static Icu.Transliterator CreateTransliterator()
    {
        _ = IcuLoaded.Value;
        return Icu.Transliterator.CreateInstance("Any-Latin; Latin-ASCII");
    }

    private static bool IsAscii(string s)
    {
        foreach (var c in s) if (c > 127) return false;
        return true;
    }

    public void Dispose()
    {
        foreach (var transliterator in _transliterators.Values) transliterator.Dispose();
        _transliterators.Dispose();
    }
}
