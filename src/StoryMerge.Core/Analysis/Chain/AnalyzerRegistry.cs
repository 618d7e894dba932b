using System.Collections.Concurrent;
using StoryMerge.Core.Analysis.Ar;
using StoryMerge.Core.Analysis.De;
using StoryMerge.Core.Analysis.He;
using StoryMerge.Core.Analysis.Hi;
using StoryMerge.Core.Analysis.En;
using StoryMerge.Core.Analysis.Kk;
using StoryMerge.Core.Analysis.Ru;
using StoryMerge.Core.Analysis.Tr;
using StoryMerge.Core.Analysis.Zh;

namespace StoryMerge.Core.Analysis.Chain;

/// <summary>The one place that chooses the analyser of a language: its family's chain, built once per language and shared.</summary>
/// <remarks>Thread-safe.</remarks>
public sealed class AnalyzerRegistry(NeutralForm neutral) : IDisposable
{
    private readonly ConcurrentDictionary<string, LanguageAnalyzer> _analyzers = new(StringComparer.Ordinal);

    /// <summary>The analyser of <paramref name="language"/> (the default chain for a language without its own, and for "und").</summary>
    public LanguageAnalyzer For(LanguageTag language) => _analyzers.GetOrAdd(language.Code, static (_, state) => Create(state.language, state.neutral), (language, neutral));

    /// <summary>The family chain a language code is analysed with.</summary>
    public static LanguageAnalyzer Create(LanguageTag language, NeutralForm neutral) => language.Code switch
    {
        "ru" or "uk" or "be" or "bg" or "sr" or "mk" => new EastSlavicAnalyzer(language, neutral),
        "kk" or "ky" or "tt" or "ba" or "sah" => new TurkicAnalyzer(language, neutral),
        "tr" or "az" or "uz" or "tk" => new TurkishAnalyzer(language, neutral),
        "en" => new EnglishAnalyzer(language, neutral),
        "de" => new GermanAnalyzer(language, neutral),
        "zh" => new ChineseAnalyzer(language, neutral),
        "ar" or "fa" or "ur" => new ArabicScriptAnalyzer(language, neutral),
        "hi" or "mr" or "ne" => new HindiAnalyzer(language, neutral),
        "he" or "yi" => new HebrewAnalyzer(language, neutral),
        "ja" or "ko" or "th" or "lo" or "km" or "my" => new DictionaryScriptAnalyzer(language, neutral),
        _ => new DefaultAnalyzer(language, neutral),
    };

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var analyzer in _analyzers.Values) analyzer.Dispose();
        _analyzers.Clear();
    }
}
