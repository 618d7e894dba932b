using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Icu;

namespace StoryMerge.Core.Analysis.Chain;

/// <summary>The chain of languages written with spaces that have no stemmer here (French, Greek, Georgian, Armenian, …, and undetermined text): words, lower case, function words marked, ICU folding (accents, vowel marks), neutral form.</summary>
public sealed class DefaultAnalyzer(LanguageTag language, NeutralForm neutral) : LanguageAnalyzer(language, neutral)
{
    /// <inheritdoc/>
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        FoldedWords(reader, words => new ICUFoldingFilter(words));
}
