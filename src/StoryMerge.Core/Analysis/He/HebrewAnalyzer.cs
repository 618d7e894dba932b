using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Icu;
using Lucene.Net.Util;
using StoryMerge.Core.Analysis.Chain;

namespace StoryMerge.Core.Analysis.He;

/// <summary>The chain of Hebrew (and Yiddish): words, function words marked, the prefixed one-letter words taken off (<see cref="HebrewPrefixStemmer"/>; Lucene has no Hebrew analysis), ICU folding (vowel points), neutral form.</summary>
public sealed class HebrewAnalyzer(LanguageTag language, NeutralForm neutral) : LanguageAnalyzer(language, neutral)
{
    /// <inheritdoc/>
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new WordTokenizer(reader);
        TokenStream result = new SurfaceFilter(source);
        result = new LowerCaseFilter(LuceneVersion.LUCENE_48, result);
        result = new LowerFormFilter(result);
        result = new StopWordMarkFilter(result, StopWords);
        result = new ICUFoldingFilter(result);   // before the stemmer: vowel points would hide a prefix letter
        result = new LightStemFilter(result, HebrewPrefixStemmer.Instance);
        result = new SymbolDropFilter(result);
        result = new NeutralFormFilter(result, Neutral);
        return new TokenStreamComponents(source, result);
    }
}
