using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Icu;
using StoryMerge.Core.Analysis.Chain;

namespace StoryMerge.Core.Analysis.He;

/// <summary>The chain of Hebrew (and Yiddish): words, function words marked, the prefixed one-letter words taken off (<see cref="HebrewPrefixStemmer"/>; Lucene has no Hebrew analysis), ICU folding (vowel points), neutral form.</summary>
public sealed class HebrewAnalyzer(LanguageTag language, NeutralForm neutral) : LanguageAnalyzer(language, neutral)
{
    /// <inheritdoc/>
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        // Folding before the stemmer: vowel points would hide a prefix letter.
        FoldedWords(reader, words => new LightStemFilter(new ICUFoldingFilter(words), HebrewPrefixStemmer.Instance));
}
